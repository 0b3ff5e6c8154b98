// A strict RFC 4180 reader for the tests: checks what a spreadsheet would
// see in toCSV's output (quoted fields with doubled quotes, CRLF rows,
// embedded line breaks), independently of the writer.

/**
 * Parses `csv` into rows of fields. Throws on a stray quote, on a bare LF or
 * CR outside a quoted field, or on a missing final CRLF.
 */
export function parseCsv(csv) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < csv.length) {
    const c = csv[i];
    if (quoted) {
      if (c === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        if (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (fieldStarted) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i += 1;
    } else if (c === '\r') {
      if (csv[i + 1] !== '\n') throw new Error(`a CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += 2;
    } else if (c === '\n') {
      throw new Error(`a bare LF at ${i} (rows must end with CRLF)`);
    } else {
      field += c;
      fieldStarted = true;
      i += 1;
    }
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (fieldStarted || row.length > 0) throw new Error('the last row does not end with CRLF');
  return rows;
}

/** Rows as objects keyed by the header row. */
export function csvRecords(csv) {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((row) => {
    if (row.length !== header.length) throw new Error(`a row has ${row.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((name, k) => [name, row[k]]));
  });
}
