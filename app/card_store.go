package app

import (
	"encoding/json"

	"aftercare/rules"
)

// cardKey keeps the last aftercare card opened on this device: the link's
// data is kept as soon as the app reads it, so a reload or a later visit
// (offline too) still knows the session. "Delete all my data" removes it.
const cardKey = "aftercare.card"

// storedCard is the card as kept, the link's own text: it is checked again,
// against today, each time it is read.
type storedCard struct {
	Fragment string `json:"fragment"`
}

// keepCard reads a card from a link's fragment and keeps it on the device.
// A link that cannot be used also forgets any card kept before: the check
// must not take an older session's date for this one.
func keepCard(store kv, set *rules.Set, fragment, today string) (rules.Card, error) {
	c, err := set.DecodeCard(fragment, today)
	if err != nil {
		forgetCard(store)
		return rules.Card{}, err
	}
	b, _ := json.Marshal(storedCard{Fragment: fragment})
	store.Set(cardKey, string(b)) // on a device that keeps nothing, the card still works this once
	return c, nil
}

// currentCard is the card kept on the device, if it still holds on today
// (a card whose massage is past the days question's range is no longer
// used).
func currentCard(store kv, set *rules.Set, today string) (rules.Card, bool) {
	raw, ok, err := store.Get(cardKey)
	if err != nil || !ok {
		return rules.Card{}, false
	}
	var sc storedCard
	if json.Unmarshal([]byte(raw), &sc) != nil {
		return rules.Card{}, false
	}
	c, err := set.DecodeCard(sc.Fragment, today)
	return c, err == nil
}

// forgetCard removes the kept card: the person said it is wrong.
func forgetCard(store kv) { store.Del(cardKey) }
