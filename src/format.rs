//! Small text formatting for the views: counts and author lists.

/// How many characters of the first paragraph stand in for a missing title.
pub const LEDE_CHARS: usize = 110;

/// "1 word", "2,345 words".
pub fn words(n: usize) -> String {
    let unit = if n == 1 { "word" } else { "words" };
    format!("{} {unit}", thousands(n))
}

/// Groups digits in threes with commas: 12345 -> "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "A", "A and B", "A, B and C".
pub fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_counts_and_names() {
        assert_eq!(words(0), "0 words");
        assert_eq!(words(1), "1 word");
        assert_eq!(words(1234567), "1,234,567 words");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
    }
}
