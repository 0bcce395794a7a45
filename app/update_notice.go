package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// updateNotice tells the person, politely and out of the way, that a new
// version has been installed in the background, with a button to load it.
// The wrapper is always rendered so screen readers announce the message when
// it appears.
type updateNotice struct {
	app.Compo
	l         lang
	available bool
}

func (n *updateNotice) OnMount(ctx app.Context) {
	n.available = ctx.AppUpdateAvailable()
}

// OnAppUpdate is called by go-app once a new service worker has taken over.
func (n *updateNotice) OnAppUpdate(ctx app.Context) {
	n.available = ctx.AppUpdateAvailable()
}

func (n *updateNotice) Render() app.UI {
	l := n.l
	return tagClass("div", "update-notice").Aria("live", "polite").Body(
		app.If(n.available, func() app.UI {
			return tagClass("div", "update-box").Body(
				tagText("p", l.say("a_new_version_of_aftercare")),
				tagClass("button", "button primary").Attr("type", "button").OnClick(n.reload).Text(l.say("reload")),
			)
		}),
	)
}

func (n *updateNotice) reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}
