//! A small RFC 4180 reader and writer: the seed-region data file, and later imports and exports.

use std::fmt;

/// A CSV text that could not be read, with the 1-based line where reading stopped.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvError {
    pub line: usize,
    pub message: &'static str,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// One record and the 1-based line of the file it starts on (a quoted line break or a blank
/// line before it makes that differ from its position among the records).
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Reads records of fields. Accepts a UTF-8 byte-order mark, LF or CRLF line ends, quoted
/// fields holding commas, quotes (doubled) and line breaks. Blank lines are skipped.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    // The line the record being read started on.
    let mut start_line = 1;
    // A quoted field may only be followed by a separator or a line end.
    let mut after_quote = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if field.is_empty() && !after_quote => {
                let start = line;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(ch) => {
                            if ch == '\n' {
                                line += 1;
                            }
                            field.push(ch);
                        }
                        None => return Err(CsvError { line: start, message: "a quoted field is not closed" }),
                    }
                }
                after_quote = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                after_quote = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                if !(record.len() == 1 && record[0].is_empty() && !after_quote) {
                    records.push(Record { line: start_line, fields: std::mem::take(&mut record) });
                }
                record.clear();
                after_quote = false;
                line += 1;
                start_line = line;
            }
            _ if after_quote => return Err(CsvError { line, message: "text follows a closing quote" }),
            '"' => return Err(CsvError { line, message: "a quote inside an unquoted field" }),
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() || after_quote {
        record.push(field);
        records.push(Record { line: start_line, fields: record });
    }
    Ok(records)
}

/// Appends one record, quoting a field only when it holds a comma, quote or line break,
/// and ends it with CRLF as RFC 4180 asks.
pub fn write_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = field.as_ref();
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}
