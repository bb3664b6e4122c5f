export { FeedRunner, type FeedRunnerStatus } from './feed-runner.service';
export { PipelineModule } from './pipeline.module';
export { TickPipeline } from './tick-pipeline.service';
