package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// diaryPage is "/diary", the recovery diary.
type diaryPage struct {
	pageBase
}

func (p *diaryPage) Render() app.UI {
	return layout("/diary",
		heading("Recovery diary"),
		app.P().Class("lead").Text("Note how your back feels once a day. It takes less than a minute."),
		app.P().Text("Your diary stays on this device. Nobody else can see it unless you share it."),
		app.P().Text("If your pain is not getting better, or it gets worse, the diary will tell you to get help."),
	)
}
