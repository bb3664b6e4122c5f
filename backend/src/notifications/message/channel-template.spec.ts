import { DEFAULT_TEMPLATES, renderTemplate, templateProblem, TEMPLATE_VARIABLES, type templateContext } from './channel-template';

const sample = Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v, `<${v}>`])) as ReturnType<typeof templateContext>;

describe('channel templates', () => {
  it('renders variables without HTML escaping (channels escape for their own format)', () => {
    expect(renderTemplate('{{symbol}} & {{price}} {{#if link}}→ {{link}}{{/if}}', sample)).toBe('<symbol> & <price> → <link>');
  });

  it.each([
    ['{{symbol}} at {{price}}', null],
    ['{{#if acknowledge_url}}ack: {{acknowledge_url}}{{/if}}', null],
    ['{{sybmol}} moved', '{{sybmol}} is not a template variable; use one of: '],
    ['{{upper symbol}}', '{{upper …}} is not a helper'],
    ['{{#each}}', 'is not a valid template'],
    ['{{symbol', 'is not a valid template'],
    ['   ', 'renders to nothing'],
    ['x'.repeat(2001), 'at most 2000 characters'],
  ])('%s → %s', (source, problem) => {
    // 'valid' stands for no problem, so one assertion covers both.
    expect(templateProblem(source, sample) ?? 'valid').toContain(problem ?? 'valid');
  });

  it('every built-in template is valid', () => {
    for (const source of Object.values(DEFAULT_TEMPLATES)) expect(templateProblem(source, sample)).toBeNull();
  });

  it('a missing variable at send time is an error, not blank text', () => {
    const partial = { ...sample } as Record<string, string>;
    delete partial['price'];
    expect(() => renderTemplate('{{price}}', partial as typeof sample)).toThrow('{{price}} is not a template variable');
  });
});
