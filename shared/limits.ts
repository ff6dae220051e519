/** Size limits of captured and written content, enforced by the service and shown by the extension. */
export const LIMITS = {
  urlLength: 2048,
  titleLength: 300,
  selectionLength: 10_000,
  descriptionLength: 2_000,
  postBodyLength: 10_000,
  hashtagLength: 100,
  hashtagsPerPost: 30,
  workspaceNameLength: 80,
  personNameLength: 100,
  passwordMinLength: 10,
  passwordMaxLength: 256,
  /** Largest JSON body the service reads. */
  jsonBodyBytes: 100 * 1024,
  pageSizeDefault: 20,
  pageSizeMax: 100,
} as const;
