//! The browser boundary: converts types and nothing else.
//!
//! `analyse(text, options?)` returns plain JS objects whose offsets are UTF-16
//! code units, so `text.slice(e.start, e.end) === e.text`. Bad arguments
//! throw a JS `Error` whose message says what to fix.

/// Talc instead of Rust's default wasm allocator (a dlmalloc port): the
/// pipeline allocates many small vectors per document.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use wasm_bindgen::prelude::*;

use crate::analysis::{analyse, Options};
use crate::entities::Label;
use crate::report::Report;
use crate::text::OffsetUnit;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** An entity label. */
export type Label =
  | "PERSON" | "ORG" | "PLACE" | "MISC"
  | "DATE" | "TIME" | "MONEY" | "PERCENT" | "QUANTITY"
  | "HANDLE" | "HASHTAG" | "URL" | "EMAIL";

/** A span of the analysed text in UTF-16 code units: `text.slice(start, end) === span.text`. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** One entity mention. */
export interface Entity extends TextSpan {
  label: Label;
  /** Index into `Analysis.groups` of the entity this mentions; null for DATE, MONEY … and unpaired handles. */
  group: number | null;
}

/** The kind of an attribution. */
export type AttributionKind = "direct" | "indirect" | "mixed" | "according_to" | "social_post";

/** The type of a source; "self" is the speaker or writer (I, we); "pronoun" is unresolved. */
export type SourceType =
  | "named_person" | "named_org" | "anonymous" | "group" | "document"
  | "self" | "pronoun" | "unknown";

/** The attitude of the cue towards the content ("neutral" when there is no cue). */
export type Stance =
  | "neutral" | "assertive" | "concessive" | "negative" | "written" | "question" | "belief";

/** The trailer of a pasted social-media post; each part may be missing. */
export interface SocialPost {
  author: TextSpan | null;
  handle: TextSpan | null;
  date: TextSpan | null;
  link: TextSpan | null;
}

/** Who said what: the content, the cue that attributes it and the source. */
export interface Attribution {
  kind: AttributionKind;
  /** The content: the cover of `content_parts`. */
  content: TextSpan;
  /** The content's pieces (more than one for a split or multi-paragraph quote). */
  content_parts: TextSpan[];
  cue: TextSpan | null;
  /** The source as written ("she", "a senior official", "Karen Bass"). */
  source: TextSpan | null;
  /** null exactly when `source` is null. */
  source_type: SourceType | null;
  /** For a pronoun source, the named mention it refers to. */
  resolved_source: TextSpan | null;
  stance: Stance;
  /** A hedge on the attribution ("reportedly"). */
  hedge: TextSpan | null;
  /** Heuristic confidence in [0, 1]. */
  confidence: number;
  /** Index into `Analysis.groups` of the person or organisation the source names (directly or through `resolved_source`), or null. */
  source_group: number | null;
  /** Present for kind "social_post". */
  post: SocialPost | null;
}

/** A claim hedged without any source ("The mayor reportedly plans to resign"). */
export interface HedgedClaim {
  content: TextSpan;
  hedge: TextSpan;
}

/** One person, organisation, place or other name with all its mentions. */
export interface EntityGroup {
  /** Its index in `Analysis.groups` (sorted by salience, highest first). */
  id: number;
  label: Label;
  /** The fullest name as written ("Karen Bass"). */
  name: string;
  /** Its other surface forms, in order of appearance ("Bass", "BASS"). */
  aliases: string[];
  /** Indexes into `Analysis.entities` of its name mentions. */
  mentions: number[];
  /** Titles written before its names ("Mayor", "former Sen."). */
  roles: string[];
  /** Role nouns that refer to it ("the mayor"); not in `entities`. */
  role_mentions: TextSpan[];
  /** Its social handles ("@BillMelugin_"). */
  handles: string[];
  /** Surface forms that are probable misspellings ("McAurthur Park"). */
  variants: string[];
  /** Indexes into `Analysis.attributions` of what it is the source of. */
  statements: number[];
  /** How central it is to the article, 0 to 1. */
  salience: number;
  /** UTF-16 offset of its first mention (name or role noun). */
  first: number;
  /** True when it is a single name that fits several people; see `candidates`. */
  ambiguous: boolean;
  /** For an ambiguous group, the ids of the groups it could belong to. */
  candidates: number[];
}

/** The result of `analyse`. */
export interface Analysis {
  version: string;
  /** Always "utf16" in the JS API. */
  offsets: "utf16";
  /** Entity mentions in text order; they never overlap. */
  entities: Entity[];
  /** Attributions in text order of their content; they may nest. */
  attributions: Attribution[];
  /** Claims hedged without a source, in text order. */
  hedged_claims: HedgedClaim[];
  /** Entity groups, most salient first. */
  groups: EntityGroup[];
  /** Present when `options.sentences` is true. */
  sentences?: TextSpan[];
  /** Present when `options.tokens` is true. */
  tokens?: TextSpan[];
}

/** Options for `analyse`; every field is optional. */
export interface Options {
  /** Report only these labels (default: all). */
  labels?: Label[];
  /** Find attributions (default: true). */
  attributions?: boolean;
  /** Include sentence spans (default: false). */
  sentences?: boolean;
  /** Include token spans (default: false). */
  tokens?: boolean;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The `Options` object of the TypeScript declarations.
    #[wasm_bindgen(typescript_type = "Options")]
    pub type OptionsArg;
}

/// Installs the panic hook (diagnostics only: the core does not panic).
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Analyses `text`; `options` may be omitted, `undefined`, `null` or an
/// object. Throws an `Error` on a non-string text or invalid options.
#[wasm_bindgen(js_name = analyse, unchecked_return_type = "Analysis")]
pub fn analyse_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<OptionsArg>,
) -> Result<JsValue, JsError> {
    let Some(text_str) = text.as_string() else {
        return Err(JsError::new(&format!(
            "lede.analyse: the first argument must be a string (the article text), got {}",
            js_type_name(&text)
        )));
    };
    let options = parse_options(options.map(JsValue::from))?;
    let analysis = analyse(&text_str, &options);
    let report = Report::new(&text_str, &analysis, OffsetUnit::Utf16);
    let tape = crate::tape::write(&report, &text_str)
        .map_err(|e| JsError::new(&format!("lede.analyse: could not build the result: {e}")))?;
    // The span texts are sliced from the caller's own string (`text`), so
    // lone surrogates, which reach Rust as U+FFFD, come back as they were.
    read_tape(&tape.ops, &tape.floats, &tape.names, &tape.strings, &text).map_err(|e| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        JsError::new(&format!(
            "lede.analyse: could not build the result: {detail}"
        ))
    })
}

#[wasm_bindgen(module = "/js/snippets/tape.js")]
extern "C" {
    /// Rebuilds the result objects from a tape (see `src/tape.rs`).
    #[wasm_bindgen(js_name = readTape, catch)]
    fn read_tape(
        ops: &[u32],
        floats: &[f64],
        names: &str,
        strings: &str,
        input: &JsValue,
    ) -> Result<JsValue, JsValue>;
}

/// Lede's version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The option names `Options` accepts (serde-wasm-bindgen reads only known
/// fields, so unknown ones are caught here).
const OPTION_NAMES: [&str; 4] = ["labels", "attributions", "sentences", "tokens"];

fn parse_options(options: Option<JsValue>) -> Result<Options, JsError> {
    let Some(options) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(Options::default());
    };
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(JsError::new(&format!(
            "lede.analyse: options must be an object such as {{ labels: [\"PERSON\"] }}, got {}",
            js_type_name(&options)
        )));
    }
    let help = "Valid options: labels (array of label names such as \"PERSON\"), \
                attributions, sentences, tokens (booleans).";
    let object: &js_sys::Object = options.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "lede.analyse: unknown option `{key}`. {help}"
            )));
        }
    }
    for key in OPTION_NAMES {
        let value =
            js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        if let Err(problem) = check_option(key, &value) {
            return Err(JsError::new(&format!(
                "lede.analyse: invalid options: {problem}. {help}"
            )));
        }
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| {
        let detail = e.to_string();
        let detail = detail.strip_prefix("Error: ").unwrap_or(&detail);
        JsError::new(&format!("lede.analyse: invalid options: {detail}. {help}"))
    })
}

/// Checks one option's value, so that a wrong one is named with what to pass
/// instead (serde's own messages name neither the option nor the fix).
fn check_option(key: &str, value: &JsValue) -> Result<(), String> {
    if value.is_undefined() {
        return Ok(());
    }
    if key != "labels" {
        return match value.as_bool() {
            Some(_) => Ok(()),
            None => Err(format!(
                "options.{key} must be true or false; got {}",
                js_value_name(value)
            )),
        };
    }
    if value.is_null() {
        return Ok(());
    }
    let names = Label::ALL.map(Label::as_str).join(", ");
    if !js_sys::Array::is_array(value) {
        let hint = match value.as_string() {
            Some(name) => format!(" (for one label write [{name:?}])"),
            None => String::new(),
        };
        return Err(format!(
            "options.labels must be an array of label names such as [\"PERSON\", \"ORG\"]; got {}{hint}",
            js_value_name(value)
        ));
    }
    let array: &js_sys::Array = value.unchecked_ref();
    for (i, item) in array.iter().enumerate() {
        let name = item.as_string().unwrap_or_default();
        if Label::ALL.iter().any(|l| l.as_str() == name) {
            continue;
        }
        let fix = match Label::parse(&name) {
            Some(label) => format!("label names are upper case: {:?}", label.as_str()),
            None => format!("use one of {names}"),
        };
        return Err(format!(
            "options.labels[{i}] is {}, which is not a label; {fix}",
            js_value_name(&item)
        ));
    }
    Ok(())
}

/// A value as a message shows it: its type, and its text when short.
fn js_value_name(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        let short: String = text.chars().take(40).collect();
        return format!("the string {short:?}");
    }
    if let Some(number) = value.as_f64() {
        return format!("the number {number}");
    }
    js_type_name(value)
}

fn js_type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".into())
    }
}
