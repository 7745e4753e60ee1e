package corpus

import (
	"fmt"
	"strings"
)

// LangTag checks a language code and writes it as a BCP 47 tag in its
// usual case: "SQ_al" becomes "sq-AL", "sr-latn-rs" becomes "sr-Latn-RS".
// Exports name their languages with it, so that CAT tools, which compare
// tags, recognize them.
func LangTag(code string) (string, error) {
	if code == "" {
		return "", fmt.Errorf("empty language code")
	}
	subtags := strings.Split(strings.ReplaceAll(code, "_", "-"), "-")
	for i, s := range subtags {
		if s == "" || len(s) > 8 || !isAlnum(s) {
			return "", fmt.Errorf("language code %q is not a BCP 47 tag such as sq, en or en-GB", code)
		}
		switch {
		case i == 0:
			if len(s) < 2 || len(s) > 3 && s != "root" || !isAlpha(s) {
				return "", fmt.Errorf("language code %q does not start with a two- or three-letter language", code)
			}
			subtags[i] = strings.ToLower(s)
		case len(s) == 2 && isAlpha(s): // region
			subtags[i] = strings.ToUpper(s)
		case len(s) == 4 && isAlpha(s): // script
			subtags[i] = strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
		default:
			subtags[i] = strings.ToLower(s)
		}
	}
	return strings.Join(subtags, "-"), nil
}

// A LangMatch says how well two language tags match; a better match is
// greater.
type LangMatch int

const (
	LangDifferent LangMatch = iota // "en-GB" and "en-US", "en" and "sq"
	LangRelated                    // one extends the other: "en" and "en-GB"
	LangEqual                      // the same tag, but for case and "_"
)

// SameLang reports how well a language tag found in a file matches the
// one asked for, ignoring case.
func SameLang(tag, want string) LangMatch {
	tag, want = strings.ReplaceAll(tag, "_", "-"), strings.ReplaceAll(want, "_", "-")
	switch {
	case strings.EqualFold(tag, want):
		return LangEqual
	case len(tag) > len(want) && strings.EqualFold(tag[:len(want)], want) && tag[len(want)] == '-',
		len(want) > len(tag) && strings.EqualFold(want[:len(tag)], tag) && want[len(tag)] == '-':
		return LangRelated
	}
	return LangDifferent
}

func isAlnum(s string) bool {
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

func isAlpha(s string) bool {
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// BaseLang is the language subtag of a tag, in lower case: "sq" for
// "sq-AL". Language data (splitting rules, lexicons) is kept by language,
// while exports may name a region.
func BaseLang(tag string) string {
	base, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	return strings.ToLower(base)
}
