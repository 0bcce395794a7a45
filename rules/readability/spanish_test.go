package readability

import "testing"

func TestSyllablesES(t *testing.T) {
	for word, want := range map[string]int{
		"masaje": 3, "dolor": 2, "pecho": 2, "respiración": 4, "día": 2, "guía": 2,
		"que": 1, "aunque": 2, "hoy": 1, "muy": 1, "y": 1, "leer": 2, "poeta": 3,
		"ciudad": 2, "buey": 1, "orina": 3, "entumecimiento": 6, "pingüino": 3,
		"cuello": 2, "reír": 2, "10": 1, "oído": 3, "ayuda": 3,
	} {
		if got := SyllablesES(word); got != want {
			t.Errorf("SyllablesES(%q) = %d, want %d", word, got, want)
		}
	}
}

func TestEaseES(t *testing.T) {
	easy := "Llame ya. No espere. Siéntese y pida ayuda."
	if e := EaseES(easy); e < MinEaseES {
		t.Errorf("short plain sentences score %.1f, below %.0f", e, MinEaseES)
	}
	hard := "La sintomatología musculoesquelética postprocedimental persistente requiere evaluación multidisciplinaria exhaustiva inmediatamente."
	if e := EaseES(hard); e >= MinEaseES {
		t.Errorf("jargon scores %.1f, at or above %.0f: the formula cannot fail", e, MinEaseES)
	}
	// Shorter sentences read easier (Law's correction of the formula).
	if EaseES("Uno dos tres cuatro. Cinco seis siete ocho.") <= EaseES("Uno dos tres cuatro cinco seis siete ocho.") {
		t.Error("splitting a sentence made it harder to read")
	}
}
