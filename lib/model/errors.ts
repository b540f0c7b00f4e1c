/**
 * Input the model cannot compute on, such as a reference price with no bin grid in doubles. A RangeError,
 * so callers that only know RangeError still see one; tools tell it from their own bugs by this class.
 */
export class ModelInputError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'ModelInputError';
  }
}
