package rules

// The few shapes of text the rules and a clinic's profile allow, checked
// by hand rather than with regular expressions, so that app.wasm links no
// regexp package (its parser and tables are about 30 KB after brotli).
// shapes_test.go checks each against the regular expression it stands for.

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// IsDigit reports whether c is 0 to 9.
func IsDigit(c byte) bool { return '0' <= c && c <= '9' }

// allBytes reports whether every byte of s passes ok.
func allBytes(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

// Digits reports whether s is min to max digits and nothing else
// (^[0-9]{min,max}$).
func Digits(s string, min, max int) bool {
	return min <= len(s) && len(s) <= max && allBytes(s, IsDigit)
}

// validID: ^[a-z][a-z0-9_]*$
func validID(s string) bool {
	return s != "" && isLower(s[0]) && allBytes(s, func(c byte) bool { return isLower(c) || IsDigit(c) || c == '_' })
}

// validSectionID: ^[a-z][a-z0-9-]*$
func validSectionID(s string) bool {
	return s != "" && isLower(s[0]) && allBytes(s, func(c byte) bool { return isLower(c) || IsDigit(c) || c == '-' })
}

// validLocale: ^[a-z]{2}(-[A-Z]{2})?$
func validLocale(s string) bool {
	switch {
	case len(s) != 2 && len(s) != 5:
		return false
	case !isLower(s[0]) || !isLower(s[1]):
		return false
	}
	return len(s) == 2 || s[2] == '-' && isUpper(s[3]) && isUpper(s[4])
}

// ValidPhone reports whether p is written as a phone number may be, on a
// clinic's profile and on its card (web/card.js checks the same): digits,
// spaces, ( ) or -, a + only first, starting with a digit, 4 to 20 of them
// after the + (^\+?[0-9][0-9 ()-]{3,19}$).
func ValidPhone(p string) bool {
	if len(p) > 0 && p[0] == '+' {
		p = p[1:]
	}
	return 4 <= len(p) && len(p) <= 20 && IsDigit(p[0]) && allBytes(p, func(c byte) bool {
		return IsDigit(c) || c == ' ' || c == '(' || c == ')' || c == '-'
	})
}

// placeholders returns the named blanks in a text, such as {date} or {n},
// in order: each match of \{[a-z_]+\}.
func placeholders(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(s) && (isLower(s[j]) || s[j] == '_') {
			j++
		}
		if j > i+1 && j < len(s) && s[j] == '}' {
			out = append(out, s[i:j+1])
			i = j
		}
	}
	return out
}
