export interface ValidationErrorItem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export interface ErrorBody {
  status_code: number;
  error: string;
  code: string;
  message: string;
  detail: string | ValidationErrorItem[];
  correlation_id: string;
}
