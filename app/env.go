package app

// UpdateIntervalEnvKey names the setting, passed from the server through
// go-app's Handler.Env, for how often the app asks for a new version, in
// milliseconds ("3600000" for an hour): a number, so that app.wasm needs no
// parser of Go durations.
const UpdateIntervalEnvKey = "AFTERCARE_UPDATE_INTERVAL"
