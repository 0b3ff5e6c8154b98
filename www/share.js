// Share links: the article travels inside the link, after the `#`, which
// browsers never send to a server. `#t=` + base64url of the UTF-8 text
// compressed with raw DEFLATE (CompressionStream), or `#u=` + base64url of
// the plain UTF-8 where CompressionStream is missing.

/** Links longer than this many characters get cut by some apps and servers. */
export const SHARE_WARN_LENGTH = 8000;

/** The most text a link may unpack to (a guard against "zip bombs"), in bytes. */
export const MAX_SHARED_BYTES = 20 * 1024 * 1024;

/** Bytes → base64url without padding. */
export function toBase64Url(bytes) {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** base64url (padding optional) → bytes; throws on other characters. */
export function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link contains characters that do not belong in it');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads a byte stream to the end, refusing more than `limit` bytes. */
async function readAll(stream, limit) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new Error(`the shared text is larger than ${Math.round(limit / 1024 / 1024)} MB`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The fragment (starting with `#`) that carries `text`. */
export async function shareFragment(text) {
  const utf8 = new TextEncoder().encode(text);
  if (typeof CompressionStream !== 'function') return `#u=${toBase64Url(utf8)}`;
  const compressed = new Blob([utf8]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return `#t=${toBase64Url(await readAll(compressed, Number.POSITIVE_INFINITY))}`;
}

/** Whether `hash` (as in `location.hash`) carries a shared text. */
export function isShareFragment(hash) {
  return /^#[tu]=/.test(hash);
}

/**
 * The text a share fragment carries. Throws an `Error` saying why when the
 * link is damaged (often: cut short by the app it was sent through).
 */
export async function textFromFragment(hash) {
  const kind = hash.slice(1, 2);
  const bytes = fromBase64Url(hash.slice(3));
  let utf8 = bytes;
  if (kind === 't') {
    if (typeof DecompressionStream !== 'function') throw new Error('this browser cannot unpack compressed links');
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    try {
      utf8 = await readAll(stream, MAX_SHARED_BYTES);
    } catch (err) {
      if (/larger than/.test(err.message)) throw err;
      throw new Error('the link is damaged or incomplete (was it cut short?)');
    }
  } else if (bytes.length > MAX_SHARED_BYTES) {
    throw new Error('the shared text is too large');
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(utf8);
}
