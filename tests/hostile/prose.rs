//! Hostile and odd prose for the suggestion pipeline (entities, who said what,
//! check-worthiness): each shape is one unit of text, written here, repeated to the size
//! asked for. They aim at what the rules walk: runs of capitalised words, titles, particles
//! and connectors, cue words, quotation marks, colons, pronouns, datelines, shouting,
//! lists, and text in other scripts. Shared by the native test (`tests/hostile.rs`: no
//! panic, every span valid and inside the text) and its ignored timing figure.

/// One hostile text: a name for reports and the text.
pub struct Prose {
    pub name: &'static str,
    pub text: String,
}

/// About `size` bytes of `unit` repeated.
fn fill(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len().max(1) + 1)
}

/// About `size` bytes of made-up capitalised names, each new: "Bab Cad said. Bac Cae …".
fn distinct_names(size: usize, unit: impl Fn(&str, &str) -> String) -> String {
    let mut out = String::with_capacity(size + 64);
    let word = |mut n: usize| {
        let mut w = String::from("B");
        for _ in 0..3 {
            w.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
        }
        w
    };
    let mut i = 0;
    while out.len() < size {
        out.push_str(&unit(&word(i), &word(i + 7919)));
        i += 1;
    }
    out
}

/// Every shape, each about `size` bytes.
pub fn prose(size: usize) -> Vec<Prose> {
    let shape = |name, text| Prose { name, text };
    vec![
        // one sentence of a megabyte, no stop anywhere
        shape("capitalised run", fill("Alder Birch Cedar ", size)),
        shape("lower-case run", fill("the of and ", size)),
        shape("titled names and", fill("Sen. Jo Lee and ", size)),
        shape("titles alone", fill("President Minister Secretary ", size)),
        shape("particles", fill("de la van ", size)),
        shape(
            "particles after a name",
            format!("Charles {}Gaulle said.", fill("de ", size)),
        ),
        shape("connectors", fill("Alder of the Birch & ", size)),
        shape("cue words", fill("said ", size)),
        shape("cues and names", fill("Ana Lee said Jo Park told ", size)),
        shape("according to", fill("according to ", size)),
        shape("straight quotes", fill("\"", size)),
        shape("curly quotes open", fill("“", size)),
        shape("quote and cue", fill("“A,” she said, “", size)),
        shape("apostrophe pairs", fill("''A'' ", size)),
        shape("colons", fill("Ana Lee: ", size)),
        shape(
            "pronouns",
            fill("He said she said they said it said. ", size),
        ),
        shape("commas", fill(", ", size)),
        shape("brackets", fill("(Ana [Lee] ", size)),
        shape("datelines", fill("WASHINGTON — ", size)),
        shape(
            "shouting",
            fill("THE PRESIDENT SAID THE BILL WOULD PASS ", size),
        ),
        shape("numbers and money", fill("$5 5% 1,000 3.2 million ", size)),
        shape("one long word", fill("a", size)),
        shape("hyphens", fill("well-known-", size)),
        shape("stops", fill(". ", size)),
        shape("abbreviations", fill("U.S. Mr. Dr. St. ", size)),
        shape("new lines", fill("Ana Lee said.\n", size)),
        shape("blank lines", fill("\n\n", size)),
        shape("the president", fill("The president said so. ", size)),
        shape(
            "lists of names",
            fill("Ana Lee, Jo Park, Ines Varga, ", size),
        ),
        shape("byline", fill("By Ana Lee and Jo Park\n", size)),
        // one sentence of many lines, each read for its own title case
        shape("lines", fill("Storm Alder beat Jo Park 6-3\n", size)),
        shape(
            "scripts",
            fill("Zoë 😀 said. 李明 said. نادية قالت. Ŝo̧ said “ok”. ", size),
        ),
        shape(
            "new names speaking",
            distinct_names(size, |a, b| format!("{a} {b} said. ")),
        ),
        shape(
            "new names in one sentence",
            distinct_names(size, |a, b| format!("{a} {b}, ")),
        ),
        shape(
            "new titled names quoted",
            distinct_names(size, |a, b| format!("“Yes,” said Sen. {a} {b}. ")),
        ),
    ]
}
