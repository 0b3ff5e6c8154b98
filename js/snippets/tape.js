// Rebuilds the result of `analyse` from the tape the wasm writes
// (src/tape.rs documents the format): one pass, plain objects and arrays.
// Span texts are slices of the caller's own string, not copies.

const NULL = 0, TRUE = 1, FALSE = 2, UINT = 3, FLOAT = 4, STRING = 5,
  NAME = 6, ARRAY = 7, OBJECT = 8, SPAN_TEXT = 9;

/**
 * @param {Uint32Array} ops the ops and their operands
 * @param {Float64Array} floats the numbers that are not small integers
 * @param {string} names static strings joined by NUL
 * @param {string} strings other strings, concatenated
 * @param {string} input the analysed text, as the caller passed it
 */
export function readTape(ops, floats, names, strings, input) {
  const keys = names.split('\u0000');
  let at = 0;
  let float = 0;
  const value = () => {
    switch (ops[at++]) {
      case NULL: return null;
      case TRUE: return true;
      case FALSE: return false;
      case UINT: return ops[at++];
      case FLOAT: return floats[float++];
      case STRING: {
        const start = ops[at++];
        return strings.slice(start, ops[at++]);
      }
      case NAME: return keys[ops[at++]];
      case ARRAY: {
        const n = ops[at++];
        const array = [];
        for (let i = 0; i < n; i++) array.push(value());
        return array;
      }
      case OBJECT: {
        const n = ops[at++];
        const object = {};
        for (let i = 0; i < n; i++) {
          const key = keys[ops[at++]];
          if (ops[at] === SPAN_TEXT) {
            at++;
            object[key] = input.slice(object.start, object.end);
          } else {
            object[key] = value();
          }
        }
        return object;
      }
      default:
        throw new Error(`lede: unreadable result (op ${ops[at - 1]} at ${at - 1})`);
    }
  };
  return value();
}
