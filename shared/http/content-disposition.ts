/** RFC 5987's attr-char: encodeURIComponent leaves `'()*` as they are, which the header form does not allow. */
const encodeRfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` for a download under its own name (RFC 6266): the UTF-8 form so any name
 * survives, and an ASCII form for old readers, with quotes, backslashes and control characters
 * replaced, so a name cannot end the header's value or add one.
 */
export const attachmentDisposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeRfc5987(name)}`;
