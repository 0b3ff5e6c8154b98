//! A compact encoding of a serialisable value for the JS boundary.
//!
//! Building a result object field by field from wasm costs a call into JS
//! per field and a UTF-8 decode per string; for a long article that was a
//! tenth of `analyse`. Instead the report is written here as a flat tape
//! of `u32`s (plus the floats and strings it needs), and one small JS
//! function (`js/snippets/tape.js`) rebuilds the same plain objects in one
//! pass. The text of a span (`{start, end, text}`) is not copied at all:
//! the tape says "the input's slice from `start` to `end`", and JS slices
//! the caller's own string, which also keeps lone surrogates intact.
//!
//! The tape is a pre-order walk of the value:
//!
//! | op | followed by | JS value |
//! |---|---|---|
//! | [`op::NULL`], [`op::TRUE`], [`op::FALSE`] | — | `null`, `true`, `false` |
//! | [`op::UINT`] | the value | a number below 2³² |
//! | [`op::FLOAT`] | — (the next entry of `floats`) | any other number |
//! | [`op::STRING`] | start, end (UTF-16 units of `strings`) | a string |
//! | [`op::NAME`] | index into `names` | a static string (field name, enum variant) |
//! | [`op::ARRAY`] | length, the items | an array |
//! | [`op::OBJECT`] | field count, then per field a `names` index and its value | an object |
//! | [`op::SPAN_TEXT`] | — | the input's `slice(start, end)` of the object being built |
//!
//! `SPAN_TEXT` is written for a `text` field whose string is a slice of
//! the input, in an object that already has `start` and `end`; offsets
//! must then be UTF-16 units of the input (the wasm API's unit).

use serde::ser::{self, Serialize};

/// The op codes of the tape.
pub mod op {
    /// `null` (also `None` and `()`).
    pub const NULL: u32 = 0;
    /// `true`.
    pub const TRUE: u32 = 1;
    /// `false`.
    pub const FALSE: u32 = 2;
    /// An unsigned integer below 2³², in the next entry.
    pub const UINT: u32 = 3;
    /// Any other number: the next entry of `floats`.
    pub const FLOAT: u32 = 4;
    /// A string of `strings`, between the next two entries (UTF-16 units).
    pub const STRING: u32 = 5;
    /// A static string: the `names` entry at the next index.
    pub const NAME: u32 = 6;
    /// An array: its length, then its items.
    pub const ARRAY: u32 = 7;
    /// An object: its field count, then each field's name index and value.
    pub const OBJECT: u32 = 8;
    /// The input's slice between the enclosing object's `start` and `end`.
    pub const SPAN_TEXT: u32 = 9;
}

/// A value written as a tape; see the module documentation.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tape {
    /// The ops and their operands.
    pub ops: Vec<u32>,
    /// The numbers that are not small unsigned integers, in order.
    pub floats: Vec<f64>,
    /// Static strings (field names, enum variants), joined by NUL.
    pub names: String,
    /// Other strings, concatenated; `STRING` ops address them in UTF-16 units.
    pub strings: String,
}

/// Why a value could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TapeError(String);

impl std::fmt::Display for TapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        TapeError(msg.to_string())
    }
}

/// Writes `value` as a tape. `input` is the text whose slices may be sent
/// as [`op::SPAN_TEXT`]: pass the analysed text when every span's offsets
/// are UTF-16 units of it, or `""` to send every string in full.
pub fn write<T: Serialize + ?Sized>(value: &T, input: &str) -> Result<Tape, TapeError> {
    let mut w = Writer {
        tape: Tape::default(),
        input: input.as_bytes().as_ptr_range(),
        name_index: Vec::new(),
        name_cache: [None; NAME_CACHE],
        strings_utf16: 0,
        next_is_text: false,
    };
    value.serialize(&mut w)?;
    Ok(w.tape)
}

/// Slots of the cache of interned names.
const NAME_CACHE: usize = 128;

/// The serializer behind [`write`].
struct Writer {
    tape: Tape,
    input: std::ops::Range<*const u8>,
    /// Interned static strings, by address and length.
    name_index: Vec<(usize, usize, u32)>,
    /// Recently used entries of `name_index`, by address.
    name_cache: [Option<(usize, usize, u32)>; NAME_CACHE],
    /// Length of `tape.strings` in UTF-16 units.
    strings_utf16: u32,
    /// The value being written is the `text` field of an object that has
    /// `start` and `end`.
    next_is_text: bool,
}

/// Length of `s` in UTF-16 code units.
fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

impl Writer {
    /// The `names` index of a static string, interned on first use.
    fn name(&mut self, s: &'static str) -> u32 {
        let key = (s.as_ptr() as usize, s.len());
        // A report uses a few dozen names, each at its own address: a
        // direct-mapped cache answers almost every lookup.
        let slot = (key.0 >> 2 ^ key.1) % NAME_CACHE;
        if let Some(&Some((p, l, i))) = self.name_cache.get(slot) {
            if (p, l) == key {
                return i;
            }
        }
        let i = match self.name_index.iter().find(|(p, l, _)| (*p, *l) == key) {
            Some(&(_, _, i)) => i,
            None => {
                if !self.tape.names.is_empty() {
                    self.tape.names.push('\0');
                }
                self.tape.names.push_str(s);
                let i = u32::try_from(self.name_index.len()).unwrap_or(u32::MAX);
                self.name_index.push((key.0, key.1, i));
                i
            }
        };
        if let Some(c) = self.name_cache.get_mut(slot) {
            *c = Some((key.0, key.1, i));
        }
        i
    }

    fn number(&mut self, v: f64) {
        let whole = (0.0..4_294_967_296.0).contains(&v) && v.fract() == 0.0;
        if whole && !(v == 0.0 && v.is_sign_negative()) {
            self.tape.ops.extend([op::UINT, v as u32]);
        } else {
            self.tape.ops.push(op::FLOAT);
            self.tape.floats.push(v);
        }
    }

    fn string(&mut self, s: &str) -> Result<(), TapeError> {
        let start = self.strings_utf16;
        let end = u32::try_from(utf16_len(s))
            .ok()
            .and_then(|n| start.checked_add(n))
            .ok_or_else(|| TapeError("the result is too large for the JS boundary".into()))?;
        self.tape.strings.push_str(s);
        self.strings_utf16 = end;
        self.tape.ops.extend([op::STRING, start, end]);
        Ok(())
    }

    /// True when `s` lies inside the input text.
    fn in_input(&self, s: &str) -> bool {
        let r = s.as_bytes().as_ptr_range();
        self.input.start <= r.start && r.end <= self.input.end && !self.input.is_empty()
    }

    /// Starts a counted container: writes `op` and a placeholder count,
    /// returning where the count goes.
    fn open(&mut self, op: u32) -> Container<'_> {
        self.tape.ops.extend([op, 0]);
        let at = self.tape.ops.len() - 1;
        Container {
            w: self,
            at,
            count: 0,
            has_start: false,
            has_end: false,
        }
    }
}

/// An array or object being written.
struct Container<'w> {
    w: &'w mut Writer,
    /// Index of its count in `ops`.
    at: usize,
    count: u32,
    has_start: bool,
    has_end: bool,
}

impl Container<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
        self.count += 1;
        value.serialize(&mut *self.w)
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TapeError> {
        self.count += 1;
        let name = self.w.name(key);
        self.w.tape.ops.push(name);
        self.w.next_is_text = key == "text" && self.has_start && self.has_end;
        self.has_start |= key == "start";
        self.has_end |= key == "end";
        let result = value.serialize(&mut *self.w);
        self.w.next_is_text = false;
        result
    }

    fn close(self) {
        if let Some(c) = self.w.tape.ops.get_mut(self.at) {
            *c = self.count;
        }
    }
}

fn unsupported<T>(what: &str) -> Result<T, TapeError> {
    Err(TapeError(format!("{what} cannot cross the JS boundary")))
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Container<'a>;
    type SerializeTuple = Container<'a>;
    type SerializeTupleStruct = Container<'a>;
    type SerializeTupleVariant = ser::Impossible<(), TapeError>;
    type SerializeMap = ser::Impossible<(), TapeError>;
    type SerializeStruct = Container<'a>;
    type SerializeStructVariant = ser::Impossible<(), TapeError>;

    fn serialize_bool(self, v: bool) -> Result<(), TapeError> {
        self.tape.ops.push(if v { op::TRUE } else { op::FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), TapeError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), TapeError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), TapeError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), TapeError> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<(), TapeError> {
        self.serialize_u32(u32::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), TapeError> {
        self.serialize_u32(u32::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), TapeError> {
        self.tape.ops.extend([op::UINT, v]);
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), TapeError> {
        match u32::try_from(v) {
            Ok(v) => self.serialize_u32(v),
            Err(_) => self.serialize_f64(v as f64),
        }
    }
    fn serialize_f32(self, v: f32) -> Result<(), TapeError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), TapeError> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), TapeError> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), TapeError> {
        if std::mem::take(&mut self.next_is_text) && self.in_input(v) {
            self.tape.ops.push(op::SPAN_TEXT);
            return Ok(());
        }
        self.string(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), TapeError> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), TapeError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), TapeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), TapeError> {
        self.tape.ops.push(op::NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), TapeError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), TapeError> {
        let i = self.name(variant);
        self.tape.ops.extend([op::NAME, i]);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), TapeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), TapeError> {
        unsupported("an enum variant with data")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Container<'a>, TapeError> {
        Ok(self.open(op::ARRAY))
    }
    fn serialize_tuple(self, _: usize) -> Result<Container<'a>, TapeError> {
        Ok(self.open(op::ARRAY))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Container<'a>, TapeError> {
        Ok(self.open(op::ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, TapeError> {
        unsupported("an enum variant with data")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, TapeError> {
        unsupported("a map")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Container<'a>, TapeError> {
        Ok(self.open(op::OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, TapeError> {
        unsupported("an enum variant with data")
    }
}

impl ser::SerializeSeq for Container<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
        self.item(value)
    }
    fn end(self) -> Result<(), TapeError> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTuple for Container<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
        self.item(value)
    }
    fn end(self) -> Result<(), TapeError> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Container<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
        self.item(value)
    }
    fn end(self) -> Result<(), TapeError> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStruct for Container<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TapeError> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), TapeError> {
        self.close();
        Ok(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::analysis::{analyse, Options};
    use crate::report::Report;
    use crate::text::OffsetUnit;
    use serde_json::{json, Map, Value};

    /// Reads a tape back the way `js/snippets/tape.js` does, slicing
    /// `input` in UTF-16 units for `SPAN_TEXT`.
    fn read(tape: &Tape, input: &str) -> Value {
        let input16: Vec<u16> = input.encode_utf16().collect();
        let strings16: Vec<u16> = tape.strings.encode_utf16().collect();
        let names: Vec<&str> = tape.names.split('\0').collect();
        let mut r = Reader {
            ops: &tape.ops,
            at: 0,
            floats: tape.floats.iter(),
        };
        r.value(&names, &strings16, &input16)
    }

    struct Reader<'t> {
        ops: &'t [u32],
        at: usize,
        floats: std::slice::Iter<'t, f64>,
    }

    impl Reader<'_> {
        fn next(&mut self) -> u32 {
            self.at += 1;
            self.ops[self.at - 1]
        }

        fn value(&mut self, names: &[&str], strings: &[u16], input: &[u16]) -> Value {
            match self.next() {
                op::NULL => Value::Null,
                op::TRUE => json!(true),
                op::FALSE => json!(false),
                op::UINT => json!(self.next()),
                // JS has one number type: whole floats compare as integers.
                op::FLOAT => match self.floats.next().copied().unwrap_or(f64::NAN) {
                    v if v.fract() == 0.0 && v.abs() < 9e15 => json!(v as i64),
                    v => json!(v),
                },
                op::STRING => {
                    let (a, b) = (self.next() as usize, self.next() as usize);
                    json!(String::from_utf16_lossy(&strings[a..b]))
                }
                op::NAME => json!(names[self.next() as usize]),
                op::ARRAY => {
                    let n = self.next();
                    Value::Array((0..n).map(|_| self.value(names, strings, input)).collect())
                }
                op::OBJECT => {
                    let n = self.next();
                    let mut object = Map::new();
                    for _ in 0..n {
                        let key = names[self.next() as usize].to_string();
                        let value = if self.ops[self.at] == op::SPAN_TEXT {
                            self.at += 1;
                            let (a, b) = (&object["start"], &object["end"]);
                            let (a, b) =
                                (a.as_u64().unwrap() as usize, b.as_u64().unwrap() as usize);
                            json!(String::from_utf16_lossy(&input[a..b]))
                        } else {
                            self.value(names, strings, input)
                        };
                        object.insert(key, value);
                    }
                    Value::Object(object)
                }
                other => panic!("unknown op {other}"),
            }
        }
    }

    /// The tape of a UTF-16 report reads back as the same JSON.
    fn round_trip(text: &str) {
        let options = Options {
            sentences: true,
            tokens: true,
            ..Options::default()
        };
        let analysis = analyse(text, &options);
        let report = Report::new(text, &analysis, OffsetUnit::Utf16);
        let tape = write(&report, text).expect("a report is writable");
        assert_eq!(read(&tape, text), serde_json::to_value(&report).unwrap());
        // Span texts are slices, not copies: only names and the like are sent.
        assert!(
            tape.strings.len() < text.len().max(64),
            "{}",
            tape.strings.len()
        );
    }

    #[test]
    fn reports_round_trip() {
        round_trip("");
        round_trip(
            "“We will not back down,” Mayor Karen Bass said on Tuesday. \
             The Department of Homeland Security (DHS) did not respond, \
             officials said. 🚀 Bass later posted on X.\n\n\
             Prices rose 4% to $1.2 billion, according to the report.",
        );
        round_trip(
            "Protest in the park 🌳 pic.twitter.com/abc123\n\
             — Maria Lopez (@marialopez) July 7, 2025\n\n\
             Café owners said the e\u{301}vent was “great.”",
        );
    }

    #[test]
    fn numbers_and_strings() {
        #[derive(serde::Serialize)]
        struct Sample {
            small: u64,
            large: u64,
            negative: i32,
            fraction: f64,
            name: &'static str,
            emoji: String,
            list: Vec<Option<bool>>,
        }
        let sample = Sample {
            small: 7,
            large: 1 << 40,
            negative: -3,
            fraction: 0.25,
            name: "x",
            emoji: "a😀b".into(),
            list: vec![Some(true), None, Some(false)],
        };
        let tape = write(&sample, "").unwrap();
        assert_eq!(read(&tape, ""), serde_json::to_value(&sample).unwrap());
        assert_eq!(tape.floats, vec![(1u64 << 40) as f64, -3.0, 0.25]);
    }

    #[test]
    fn text_outside_the_input_is_sent_in_full() {
        #[derive(serde::Serialize)]
        struct Span {
            start: usize,
            end: usize,
            text: String,
        }
        let span = Span {
            start: 0,
            end: 2,
            text: "hi".into(),
        };
        let tape = write(&span, "hi there").unwrap();
        assert_eq!(tape.strings, "hi");
        assert_eq!(
            read(&tape, "hi there"),
            json!({"start": 0, "end": 2, "text": "hi"})
        );
    }

    #[test]
    fn maps_are_refused() {
        let mut map = std::collections::BTreeMap::new();
        map.insert("a", 1);
        assert!(write(&map, "").is_err());
    }
}
