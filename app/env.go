package app

// UpdateIntervalEnvKey names the setting, passed from the server through
// go-app's Handler.Env, for how often the app asks for a new version (a Go
// duration such as "1h").
const UpdateIntervalEnvKey = "AFTERCARE_UPDATE_INTERVAL"
