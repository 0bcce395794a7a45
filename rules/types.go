package rules

// Set is a whole rule set, as rules.json holds it. Build one with Parse or
// Default; a Set from Parse has been validated and compiled.
type Set struct {
	Locales []string `json:"locales"` // the first is the default
	// Names name each locale in every locale: Names["es"]["es"] is
	// "Español" (the language switch), Names["en"]["es"] is "inglés" (the
	// summary in the clinic's language). Every page names every language,
	// so every words file keeps them whole.
	Names     map[string]Text `json:"names"`
	Common    Common          `json:"common"`
	Questions []Question      `json:"questions"`
	Groups    []Group         `json:"groups"`
	Flags     []Flag          `json:"flags"`
	Levels    []LevelInfo     `json:"levels"`
	Causes    []Cause         `json:"causes"`
	Plan      Plan            `json:"plan"`
	Guide     []Section       `json:"guide"`
	Diary     Diary           `json:"diary"`
	Card      CardRules       `json:"card"`
	// SearchWords are the words the search box treats as one (search.yaml).
	SearchWords SearchWords `json:"search"`
	// Words are the app's own words by key (words.yaml): headings, buttons,
	// notices and page titles. No patient-facing word is a Go literal.
	Words map[string]Text `json:"words"`
	// Regions give the number to call where the phone is, when the
	// clinic's profile names none (regions.yaml); the first is the default.
	Regions []Region `json:"regions"`

	index     map[string]int // question id → position, set by compile
	searches  *searchIndexes // the search's index per language, see Search
	emergency string         // the local emergency number; see In
}

// SearchWords are the words the search box treats as one. Never shown.
type SearchWords struct {
	// Same holds, in each locale, groups of words that mean the same for a
	// sign ("pee wee urine"): groups separated by ";", words by spaces.
	Same Text `json:"same,omitempty"`
}

// Text is one patient-facing string in every locale: locale → text.
type Text map[string]string

// Common holds the words every screen shares.
type Common struct {
	Yes           Text `json:"yes"`
	No            Text `json:"no"`
	Unsure        Text `json:"unsure"`        // the "don't know" answer
	NoneOfThe     Text `json:"none_of_these"` // the empty answer of a multi question
	NotADiagnosis Text `json:"not_a_diagnosis"`
	// StartCheck ends every guide page: a way into the check.
	StartCheck Text `json:"start_check"`
}

// Kinds of question.
const (
	KindYesNo  = "yesno"  // no, yes (yes is the worse answer)
	KindChoice = "choice" // one option; "ordered" ones run from mild to severe
	KindMulti  = "multi"  // any number of options; none is a valid answer
	KindScale  = "scale"  // a whole number from Min to Max, higher is worse
)

var kinds = []string{KindYesNo, KindChoice, KindMulti, KindScale}

// Question is one screen of the check.
type Question struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Ordered bool   `json:"ordered,omitempty"` // choice: options run from mild to severe
	Text    Text   `json:"text"`
	Help    Text   `json:"help,omitempty"` // "what does this mean?"
	// TextThem and HelpThem are the text and the help said of someone
	// else, for a check done for another person (see Them).
	TextThem Text     `json:"text_them,omitempty"`
	HelpThem Text     `json:"help_them,omitempty"`
	Options  []Option `json:"options,omitempty"`
	Min      int      `json:"min,omitempty"`
	Max      int      `json:"max,omitempty"`
	Unsure   string   `json:"unsure,omitempty"` // offer "don't know", counted as this option
	AskIf    []string `json:"ask_if,omitempty"` // conditions on earlier questions
	// AskIfParsed is AskIf as browser.json carries it, parsed by the build.
	AskIfParsed []Cond `json:"ask_if_parsed,omitempty" yaml:"-"`
	// A scale's words: Value reads an answer back ({n} is the number) and
	// Anchors name some of the numbers.
	Value   Text     `json:"value,omitempty"`
	Anchors []Anchor `json:"anchors,omitempty"`
	// BodyMap draws a multi question as a body to point at, a front and a
	// back view: each option is a region with its shape (bodymap.go).
	BodyMap bool `json:"body_map,omitempty"`

	askIf []cond
}

// Option is one answer of a yesno, choice or multi question.
type Option struct {
	ID    string `json:"id"`
	Label Text   `json:"label"`
	// LabelThem is the label said of someone else (see Them).
	LabelThem Text `json:"label_them,omitempty"`
	// Say is how people put this answer in their own words, for the search
	// box ("Type what you feel"): phrases separated by ";", in every
	// locale (slang, US and UK words, everyday names). Never shown.
	Say Text `json:"say,omitempty"`
	// Shape is where a region of a body map is drawn: view (front, back)
	// → an SVG path in the view's box. Never on other questions.
	Shape map[string]string `json:"shape,omitempty"`
}

// Anchor puts words to one number of a scale ("7: hard to sleep or dress").
type Anchor struct {
	Value     int  `json:"value"`
	Label     Text `json:"label"`
	LabelThem Text `json:"label_them,omitempty"` // said of someone else (see Them)
}

// Group is a danger sign as a person names it: one or more flags of one
// level. The groups are the one list of signs that the home page, the guide,
// the safety nets and the diary's daily check-in show.
type Group struct {
	ID    string `json:"id"`
	Level Level  `json:"level"`
	Label Text   `json:"label"`           // the sign in a few plain words
	Short Text   `json:"short,omitempty"` // emergency: the sign in a few words, one line of the self-care safety net
	Diary bool   `json:"diary,omitempty"` // asked in the diary's daily check-in
	// Watch names the signs that would make this situation worse (a fever:
	// the signs of sepsis). A result's safety net opens with the watch of
	// each group that fired.
	Watch Text `json:"watch,omitempty"`
	// Recovery marks a group about how the soreness itself is going (slow,
	// worse, not settling): with only such groups fired, the result may
	// still point to the guide's treatments and the clinic's booking.
	Recovery bool `json:"recovery,omitempty"`

	flags []*Flag
}

// Flag is a red flag: when all its conditions hold, the advice is at least
// its level, and its reason is shown.
type Flag struct {
	ID     string   `json:"id"`
	Group  string   `json:"group"`
	Level  Level    `json:"level"`
	When   []string `json:"when,omitempty"`
	Reason Text     `json:"reason"`
	// Source names the published guidance the flag comes from (the page
	// and its section), for the clinician who signs the rules off. Every
	// flag must have one; the browser's copy leaves it out.
	Source string `json:"source,omitempty"`
	// WhenParsed is When as browser.json carries it, parsed by the build.
	WhenParsed []Cond `json:"when_parsed,omitempty" yaml:"-"`

	when []cond
}

// LevelInfo is what each level tells the person.
type LevelInfo struct {
	ID        Level `json:"id"`
	Title     Text  `json:"title"`                // the one main message
	TitleThem Text  `json:"title_them,omitempty"` // said of someone else (see Them)
	DoNow     Text  `json:"do_now"`               // what to do now
	SafetyNet Text  `json:"safety_net"`           // get help at once if ...
	// CallFor (self-care) is the line before every emergency sign, each
	// emergency group's short, one to a line (Set.CallSigns).
	CallFor Text `json:"call_for,omitempty"`
	// Mark is the level's mark over its result, in a few words, beside
	// Icon, a text symbol. Colour is only a second cue.
	Mark Text   `json:"mark"`
	Icon string `json:"icon"`
	// The line before this level's signs on the home page and in the guide.
	SignsIntro Text `json:"signs_intro,omitempty"`
	// Signs are the labels of this level's groups, filled in by Compile.
	Signs []Text `json:"-"`
}

// Cause is a likely cause of the pain, with the answers that point to it.
type Cause struct {
	ID      string    `json:"id"`
	Title   Text      `json:"title"`
	Explain Text      `json:"explain"`
	Points  []Pointer `json:"points"`
}

// Pointer is one piece of evidence for a cause.
type Pointer struct {
	When   []string `json:"when,omitempty"`
	Weight int      `json:"weight"`
	Reason Text     `json:"reason"`
	// WhenParsed is When as browser.json carries it, parsed by the build.
	WhenParsed []Cond `json:"when_parsed,omitempty" yaml:"-"`

	when []cond
}

// Plan is the recovery plan: a timeline by severity tier, and the advice
// every plan shares.
type Plan struct {
	Tiers         []Tier     `json:"tiers"` // the first whose conditions hold applies
	Tips          []Item     `json:"tips"`
	Treatments    Treatments `json:"treatments"`
	Complications []Text     `json:"complications"`
	Prevention    []Item     `json:"prevention"`
	// UntilSeen is what an urgent result says to do until the person is
	// seen, in place of the recovery plan; TellDoctor what to tell them.
	UntilSeen  []Item `json:"until_seen"`
	TellDoctor Text   `json:"tell_doctor"`
}

// Tier is a severity tier with its expected course.
type Tier struct {
	ID           string   `json:"id"`
	When         []string `json:"when,omitempty"`
	Title        Text     `json:"title"`
	Timeline     Text     `json:"timeline"`
	ExpectedDays int      `json:"expected_days"`
	// BandTop is the pain a recovery of this tier usually starts from: the
	// top of the diary chart's expected band at day 0.
	BandTop int `json:"band_top"`
	// WhenParsed is When as browser.json carries it, parsed by the build.
	WhenParsed []Cond `json:"when_parsed,omitempty" yaml:"-"`

	when []cond
}

// Treatments are grouped as the guide shows them.
type Treatments struct {
	Conventional []Item `json:"conventional"`
	Alternative  []Item `json:"alternative"`
	Home         []Item `json:"home"`
}

// Item is a titled piece of advice. NotWith names the groups of flags
// with which the plan leaves it out (no stretching with a possible broken
// bone).
type Item struct {
	Title   Text     `json:"title"`
	Body    Text     `json:"body"`
	NotWith []string `json:"not_with,omitempty"`
}

// Section is one page of the guide.
type Section struct {
	ID    string `json:"id"`
	Title Text   `json:"title"`
	Intro Text   `json:"intro"`
	Items []Item `json:"items,omitempty"`
	// Include shows parts of the plan or the causes after the items, so
	// each piece of advice is written once: causes, tiers, tips,
	// treatments, complications, prevention.
	Include []string `json:"include,omitempty"`
	More    []Text   `json:"more,omitempty"` // closing paragraphs
}

// Includes lists the parts a guide section may include; "signs" is every
// group of danger signs, by level.
var Includes = []string{"causes", "tiers", "tips", "treatments", "complications", "prevention", "signs"}

// Diary holds how the recovery diary reads its entries. Its advice comes
// from the check's own flags and groups (see AdviseDiary).
type Diary struct {
	ImprovementPoints  int  `json:"improvement_points"`
	ImprovementPercent int  `json:"improvement_percent"`
	RisePoints         int  `json:"rise_points"`
	TrendDays          int  `json:"trend_days"` // "better" is judged over this many days
	RecoveredMaxPain   int  `json:"recovered_max_pain"`
	RecoveredDays      int  `json:"recovered_days"`
	RecoveredNote      Text `json:"recovered_note"`
	// The daily check-in's lists: how stiff the back is, mildest first, and
	// what helped.
	Stiffness []Option `json:"stiffness"`
	Helped    []Option `json:"helped"`
	// V1Signs names, for each daily warning sign of the diary's version 1,
	// the groups that replaced it: a diary of version 1 is renamed so.
	V1Signs map[string][]string `json:"v1_signs"`
	// RedFlags are the daily warning signs: the groups marked diary, filled
	// in by Compile.
	RedFlags []DiaryFlag `json:"-"`
}

// DiaryFlag is a sign of the daily "new since yesterday?" question: a group
// of the check's flags.
type DiaryFlag struct {
	ID     string
	Level  Level
	Label  Text
	Reason Text // the reason of the group's first flag
}

// CardRules are what a clinic's aftercare card may carry (card.yaml).
type CardRules struct {
	Answers []string `json:"answers"` // choice questions the card answers
	NoteMax int      `json:"note_max"`
	Areas   []Option `json:"areas"`
}
