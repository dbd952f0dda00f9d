/** An error with an HTTP status, rendered as Mastodon does: `{ "error": message }`. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const unauthorized = (message = 'The access token is invalid') => new ApiError(401, message);
export const forbidden = (message = 'This action is not allowed') => new ApiError(403, message);
export const notFound = (message = 'Record not found') => new ApiError(404, message);
export const unprocessable = (message: string, details?: Record<string, unknown>) => new ApiError(422, message, details);
export const tooManyRequests = (message = 'Too many requests') => new ApiError(429, message);
