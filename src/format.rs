//! Small text formatting for the views: counts, decimals and author lists.

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

/// `x` with `places` decimals: `fixed(2.36, 1)` is "2.4", `fixed(0.08, 2)` "0.08". Through
/// integers, because Rust's float formatting (`{:.1}`, `f64::to_string`) adds about 10 KB to
/// the wasm. Halves round away from zero (`{:.1}` rounds them to even): the last digit of an
/// exact tie can differ, which no chart or score shown needs.
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10_u64.pow(places.min(9));
    // `as` saturates and sends NaN to 0, so no input panics.
    let n = (x * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    let (int, frac) = (n / scale, n % scale);
    match places.min(9) as usize {
        0 => format!("{sign}{int}"),
        width => format!("{sign}{int}.{frac:0width$}"),
    }
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

    #[test]
    fn fixed_decimals_match_the_std_formatting_off_ties() {
        for &x in &[
            0.0, 0.08, 1.0, 2.3456, 14.96, 134.0, 420.0, 3.999, -2.26, 1e-9, 12345.678,
        ] {
            assert_eq!(fixed(x, 1), format!("{x:.1}"), "{x} to 1 place");
            assert_eq!(fixed(x, 2), format!("{x:.2}"), "{x} to 2 places");
            assert_eq!(fixed(x, 0), format!("{x:.0}"), "{x} to 0 places");
        }
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(f64::NAN, 1), "0.0");
        assert_eq!(fixed(f64::INFINITY, 0), i64::MAX.to_string());
    }
}
