package rules

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Match is one sign that typed words may mean: an option of a question, its
// label in the search's language, and how well it matched (0 to 1).
type Match struct {
	Question string  `json:"question"`
	Option   string  `json:"option"`
	Label    string  `json:"label"`
	Score    float64 `json:"score"`
}

// weakCount is how many phrases a word may be in before it says too
// little to be a phrase on its own.
const weakCount = 30

// partialOne scales a phrase of several words of which the search has
// only one.
const partialOne = 0.9

// SearchMax is the most matches Search returns, MinScore the least score
// a match needs, and SearchLimit the most characters the search box takes.
const (
	SearchMax   = 5
	MinScore    = 0.4
	SearchLimit = 200
)

// Search matches what a person typed, in their language, against every
// option the rules know that has words for the search (its label and its
// say). Accents, case, punctuation, word endings and a typo or two are
// ignored; rarer words count for more. It returns the best matches, best
// first, one per option; nothing for an empty or nonsense search. It is
// pure apart from an index built once per language.
func (s *Set) Search(text, locale string) []Match { return s.SearchWhere(text, locale, nil) }

// SearchWhere is Search among the options keep allows (nil: all): the
// best matches of those, so an option left out never pushes one kept out
// of the SearchMax.
func (s *Set) SearchWhere(text, locale string, keep func(question, option string) bool) []Match {
	ix := s.searchIndex(locale)
	q := ix.tokens(text)
	if len(q) == 0 {
		return nil
	}
	near := ix.near(q)
	var out []Match
	words := map[string]int{} // the best phrase's length: on a tie, the longer wins
	for _, e := range ix.entries {
		if keep != nil && !keep(e.question, e.option) {
			continue
		}
		best, n := 0.0, 0
		for _, ph := range e.phrases {
			if sc := ix.phraseScore(ph, near); sc > best || sc == best && len(ph) > n {
				best, n = sc, len(ph)
			}
		}
		if best >= MinScore {
			out = append(out, Match{Question: e.question, Option: e.option, Label: e.label, Score: round2(best)})
			words[e.question+"."+e.option] = n
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return words[out[i].Question+"."+out[i].Option] > words[out[j].Question+"."+out[j].Option]
	})
	if len(out) > SearchMax {
		out = out[:SearchMax]
	}
	return out
}

// nearness is how well the search matches each word the rules know: for
// word j, the best score of any search word (best[j]), and the first
// search word with it (at[j]); n is the number of search words.
type nearness struct {
	best []float64
	at   []int
	n    int
}

// near scores each word of the search against each word the rules know,
// and against the other words of each word's group ("palpitasiones", a
// typo of "palpitaciones", known by its group's "acelerado").
func (ix *searchIx) near(q []string) nearness {
	nr := nearness{best: make([]float64, len(ix.vocab)), at: make([]int, len(ix.vocab)), n: len(q)}
	for i, w := range q {
		got := map[int]float64{}
		for j, v := range ix.vocab {
			if m := wordMatch(w, v); m > 0 {
				got[j] = m
			}
		}
		for _, v := range ix.variants {
			if m := wordMatch(w, v.word); m > got[v.j] {
				got[v.j] = m
			}
		}
		for j, m := range got {
			if m > nr.best[j] {
				nr.best[j], nr.at[j] = m, i
			}
		}
	}
	return nr
}

// phraseScore is how much of a phrase the search covers, each word
// weighted by its rarity, less a little for search words the phrase leaves
// out.
func (ix *searchIx) phraseScore(ph []int, near nearness) float64 {
	weight := ix.weight
	var got, all float64
	// The search words matched: as bits, or for a search of more than 64
	// words, as a list.
	var bits uint64
	var many []bool
	if near.n > 64 {
		many = make([]bool, near.n)
	}
	n, matched := 0, 0
	for _, v := range ph {
		all += weight[v]
		best := near.best[v]
		got += best * weight[v]
		if best == 0 {
			continue
		}
		matched++
		switch at := near.at[v]; {
		case many != nil && !many[at]:
			many[at] = true
			n++
		case many == nil && bits&(1<<at) == 0:
			bits |= 1 << at
			n++
		}
	}
	if matched < 2 && len(ph) >= 2 {
		got *= partialOne // one word of a longer phrase is weak evidence
	}
	for _, v := range ph {
		if ix.both[v] && near.best[v] != 1 {
			got /= 2 // "both arms" is not one arm: the search must say both
		}
	}
	if all == 0 {
		return 0
	}
	cover := got / all
	return cover * (0.85 + 0.15*float64(n)/float64(near.n))
}

// wordMatch scores two words: 1 the same, less for a shared start or a
// typo, 0 when they differ.
func wordMatch(a, b string) float64 {
	switch {
	case a == b:
		return 1
	case len(a) >= 5 && len(b) >= 5 && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a)):
		return 0.9
	}
	// A typo: never in the first letter (light is not right), and only in
	// words long enough that one letter does not make another word.
	short := min(len(a), len(b))
	if short < 5 || abs(len(a)-len(b)) > 2 || a[0] != b[0] {
		return 0
	}
	switch d := editDistance(a, b, 2); {
	case d == 1:
		return 0.85
	case d == 2 && short >= 7:
		return 0.7
	}
	return 0
}

// searchIx is one language's index: every known word once, with its
// weight, and each option's phrases as word numbers.
type searchIx struct {
	canon map[string]string // a word → the first word of its group
	at    map[string]int    // a word → its number in vocab
	// variants are the words of each group but its first, with the
	// number in vocab of the first, if the index knows it.
	variants []variant
	vocab    []string
	weight   []float64
	both     []bool // the word is one of bothWords
	entries  []searchEntry
}

type variant struct {
	word string
	j    int
}

type searchEntry struct {
	question, option, label string
	phrases                 [][]int
}

// searchIndexes holds a set's search index per language, built on the
// first search in that language (after the language's words have come).
// A copy of the set (WithEmergencyNumber) shares it.
type searchIndexes struct {
	mu       sync.Mutex
	byLocale map[string]*searchIx
}

func (s *Set) searchIndex(locale string) *searchIx {
	if s.searches == nil { // a set not compiled: build, keep nothing
		return s.buildIndex(locale)
	}
	s.searches.mu.Lock()
	defer s.searches.mu.Unlock()
	if ix := s.searches.byLocale[locale]; ix != nil {
		return ix
	}
	if s.searches.byLocale == nil {
		s.searches.byLocale = map[string]*searchIx{}
	}
	ix := s.buildIndex(locale)
	s.searches.byLocale[locale] = ix
	return ix
}

func (s *Set) buildIndex(locale string) *searchIx {
	ix := &searchIx{canon: map[string]string{}, at: map[string]int{}}
	for _, group := range strings.Split(s.In(s.SearchWords.Same, locale), ";") {
		ws := tokens(group)
		for _, w := range ws {
			ix.canon[w] = ws[0]
		}
	}
	count := map[int]int{}
	phrases := 0
	for _, q := range s.Questions {
		for _, o := range q.Options {
			if len(o.Say) == 0 {
				continue
			}
			e := searchEntry{question: q.ID, option: o.ID, label: s.In(o.Label, locale)}
			for k, ph := range append([]string{e.label}, strings.Split(s.In(o.Say, locale), ";")...) {
				ws := ix.wordIDs(ph)
				if k == 0 && len(ws) < 2 {
					continue // a label of one word ("Orina muy poco": orin) says too little
				}
				if len(ws) > 0 {
					phrases++
					e.phrases = append(e.phrases, ws)
					for _, w := range uniq(ws) {
						count[w]++
					}
				}
			}
			ix.entries = append(ix.entries, e)
		}
	}
	ix.weigh(count, phrases)
	return ix
}

// wordIDs are a phrase's words as numbers in the index's vocabulary, which
// gains the words it did not have.
func (ix *searchIx) wordIDs(phrase string) []int {
	var ws []int
	for _, w := range ix.tokens(phrase) {
		i, ok := ix.at[w]
		if !ok {
			i = len(ix.vocab)
			ix.at[w] = i
			ix.vocab = append(ix.vocab, w)
		}
		ws = append(ws, i)
	}
	return ws
}

// weigh finishes the index once every phrase is in: count is how many
// phrases have each word, of phrases in all.
func (ix *searchIx) weigh(count map[int]int, phrases int) {
	// Rarer words weigh more (inverse document frequency), and a phrase of
	// one common or short word ("out", "not") is no sign at all.
	ix.weight = make([]float64, len(ix.vocab))
	for i := range ix.vocab {
		ix.weight[i] = math.Log(1 + float64(phrases)/float64(count[i]))
	}
	for k := range ix.entries {
		e := &ix.entries[k]
		e.phrases = slices.DeleteFunc(e.phrases, func(ph []int) bool {
			return len(ph) == 1 && (len(ix.vocab[ph[0]]) < 4 || count[ph[0]] >= weakCount)
		})
	}
	ix.both = make([]bool, len(ix.vocab))
	for j, w := range ix.vocab {
		ix.both[j] = bothWords[w]
	}
	for k, c := range ix.canon {
		if j, ok := ix.at[c]; ok && k != c {
			ix.variants = append(ix.variants, variant{k, j})
		}
	}
}

// tokens are the words of text as the index knows them: each read as the
// first word of its group of words that mean the same.
func (ix *searchIx) tokens(text string) []string {
	ws := tokens(text)
	for i, w := range ws {
		if c, ok := ix.canon[w]; ok {
			ws[i] = c
		}
	}
	return ws
}

// tokens splits text into lower-case words without accents, drops the
// words that carry no sign, and trims common endings.
func tokens(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if stopWords[f] || len(f) < 2 {
			continue
		}
		out = append(out, stem(f))
	}
	return out
}

// fold lower-cases text and takes the accents off Latin letters, and joins
// contractions ("can't" is "cant").
func fold(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch r {
		case '\'', '’':
			continue
		}
		if plain, ok := accents[r]; ok {
			r = plain
		}
		b.WriteRune(r)
	}
	return b.String()
}

var accents = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ñ': 'n', 'ç': 'c',
}

// stem trims the endings that change a word's form, not its sense, in
// English and Spanish alike (peeing, pee; orinando, orinar, orino); the
// search and the index trim the same way, so a rare clash of two words
// costs little.
func stem(w string) string {
	for _, end := range []string{"ing", "ed", "es", "s", "ly"} {
		if len(w)-len(end) >= 3 && strings.HasSuffix(w, end) {
			w = strings.TrimSuffix(w, end)
			break
		}
	}
	for _, end := range []string{"iendo", "ando", "ado", "ada", "ido", "ida", "ar", "er", "ir", "an", "en", "as", "os"} {
		if len(w)-len(end) >= 4 && strings.HasSuffix(w, end) {
			w = strings.TrimSuffix(w, end)
			break
		}
	}
	if len(w) >= 5 && strings.ContainsRune("aeo", rune(w[len(w)-1])) {
		w = w[:len(w)-1]
	}
	return w
}

// bothWords make a sign of two sides ("both legs"): a phrase with one is
// far from a search without it.
var bothWords = map[string]bool{"both": true, "ambo": true, "amba": true, "ambos": true, "ambas": true}

// stopWords carry no sign in either language. Negations and "both",
// "one", "can't" stay: they change the sign.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the i im ive id my me mine is am are was were be been being it its
		this that these those of to in on at by for from with and or but so if as than then
		you your yours have has had having do does did just really very quite bit lot lots kind sort
		feel feels feeling felt like get got getting since after massage also still now
		some any there here what when where which who how about again too
		yo mi mis me el la los las un una unos unas de del al en y o u que es son esta estoy
		estan tengo tiene con se lo le les muy mucha por para como pero mas ya desde su sus usted
		masaje despues siento sentir siente un algo hay fue si bien`) {
		stopWords[w] = true
	}
}

// editDistance is the Levenshtein distance of a and b, or limit+1 when it
// is over limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func uniq(ws []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
