//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"aftercare/cmd/internal/site"

	"aftercare/app/clinic"

	"aftercare/rules"
)

const usage = `Aftercare: a self-check and recovery guide for back pain after a massage.

Usage:
  aftercare serve  [-addr HOST:PORT] [-web DIR] [-base-url URL] [-clinic FILE] [-hsts]
  aftercare static [-out DIR] [-web DIR] [-base-url URL] [-clinic FILE]
  aftercare rules lint [DIR]       check rule files (default: the built-in ones)
  aftercare rules questions        the questions, as JSON
  aftercare rules build [-o FILE] [-words DIR] [DIR]
                                   compile rule files into rules/rules.json,
                                   rules/browser.json and web/lang/LANG.json
  aftercare rules book -o FILE [-vignettes DIR] [-date D] [DIR]
                                   the rules book for the clinician, one HTML
                                   page (vignettes: rules/testdata/vignettes)
  aftercare rules search [-lang L] TEXT
                                   the signs typed words may mean, best first,
                                   as JSON ({question, option, label, score})
  aftercare triage [-lang L] [FILE]
                                   advice for {"answers": {...}} (FILE or stdin),
                                   as JSON, in language L (en, es)
  aftercare compress [DIR]         write brotli files beside the assets (default: web)
  aftercare version                the build: module version, commit and Go version
  aftercare help

Run "aftercare COMMAND -h" for a command's flags.
`

// Run runs one command line and returns the process's exit code: 0 when
// it worked (or -h asked for a command's flags), 1 when it failed, 2 for a
// command line it cannot use.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = m.serve(ctx, args[1:])
	case "static":
		err = m.static(args[1:])
	case "rules":
		err = m.rules(args[1:])
	case "triage":
		err = m.triage(args[1:])
	case "compress":
		err = m.compress(args[1:])
	case "version":
		fmt.Fprintln(m.Stdout, version())
	case "help", "-h", "-help", "--help":
		fmt.Fprint(m.Stdout, usage)
	default:
		fmt.Fprintf(m.Stderr, "aftercare: unknown command %q (known: serve, static, rules, triage, compress, version, help)\n\n%s", args[0], usage)
		return 2
	}
	return m.exitCode(err)
}

// exitCode reports a command's error on stderr and turns it into the exit
// code: positioned problems one a line (file:line:col: message), others
// after "aftercare: ".
func (m *Main) exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	var positioned rules.Problems
	if errors.As(err, &positioned) {
		fmt.Fprintln(m.Stderr, positioned.Error())
		return 1
	}
	var ee exitError
	if errors.As(err, &ee) {
		fmt.Fprintf(m.Stderr, "aftercare: %s\n", ee.msg)
		return ee.code
	}
	fmt.Fprintf(m.Stderr, "aftercare: %v\n", err)
	return 1
}

// errUsage marks a flag error the flag package has already reported.
var errUsage = errors.New("usage")

// exitError ends the program with a code of its own (2: bad input).
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// flags is a command's flag set. Every command reads its flags this one
// way: -h prints them (exit 0), a flag it does not know is reported with
// them (exit 2).
func (m *Main) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	return fs
}

// parse reads the flags. A command that takes no arguments after its flags
// (args false) refuses any.
func parse(fs *flag.FlagSet, args []string, takesArgs bool) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if !takesArgs && fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "aftercare %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return errUsage
	}
	return nil
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// serve serves the site until ctx is done or the process is told to stop.
func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve")
	addr := fs.String("addr", envOr("ADDR", "127.0.0.1:8080"), "address to listen on (env ADDR)")
	web := fs.String("web", "", "serve this folder of assets (with app.wasm built) instead of the ones built in")
	baseURL := fs.String("base-url", os.Getenv("BASE_URL"), "public URL of the site, for the sitemap (env BASE_URL; default http://ADDR)")
	hsts := fs.Bool("hsts", os.Getenv("HSTS") == "1", "the site is served over HTTPS (by a proxy): send Strict-Transport-Security (env HSTS=1)")
	clinicFile := fs.String("clinic", os.Getenv("CLINIC"), "clinic profile (YAML) to brand the app with (env CLINIC)")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	profile, images, err := clinic.Load(*clinicFile)
	if err != nil {
		return err
	}

	logger := slog.New(slog.NewJSONHandler(m.Stderr, nil))
	// Listen before anything else is slow to fail, so a taken port is an
	// error at start, not a log line later.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	url := "http://" + displayAddr(*addr, ln.Addr().String())
	if *baseURL == "" {
		*baseURL = url
	}
	s, err := site.New(site.Config{WebDir: *web, BaseURL: *baseURL, HSTS: *hsts, Profile: &profile, Images: images})
	if err != nil {
		ln.Close()
		return err
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger.Info("serving", "url", url, "version", s.Version(), "web", *web)
	return site.Serve(ctx, ln, s.Handler(logger), logger)
}

// displayAddr turns a listening address into one a browser can open: the
// host as asked for (localhost stays localhost), the port as bound (":0"
// becomes the real port).
func displayAddr(asked, bound string) string {
	host, port, err := net.SplitHostPort(bound)
	if err != nil {
		return bound
	}
	if h, _, err := net.SplitHostPort(asked); err == nil && h != "" {
		host = h
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return host + ":" + port
}

// static writes the site as files for a static host.
func (m *Main) static(args []string) error {
	fs := m.flags("static")
	out := fs.String("out", "dist", "folder to write the site to")
	web := fs.String("web", "", "serve this folder of assets (with app.wasm built) instead of the ones built in")
	baseURL := fs.String("base-url", envOr("BASE_URL", "http://localhost:8080"), "public URL the site will have, for the sitemap (env BASE_URL)")
	clinicFile := fs.String("clinic", os.Getenv("CLINIC"), "clinic profile (YAML) to brand the app with (env CLINIC)")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	profile, images, err := clinic.Load(*clinicFile)
	if err != nil {
		return err
	}
	s, err := site.New(site.Config{WebDir: *web, BaseURL: *baseURL, Profile: &profile, Images: images})
	if err != nil {
		return err
	}
	if err := s.ExportStatic(*out); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "aftercare: wrote the static site (version %s) to %s\n", s.Version(), *out)
	return nil
}

// compress writes brotli files beside the assets of a folder (web).
func (m *Main) compress(args []string) error {
	fs := m.flags("compress")
	if err := parse(fs, args, true); err != nil {
		return err
	}
	dir := "web"
	switch fs.NArg() {
	case 0:
	case 1:
		dir = fs.Arg(0)
	default:
		return exitError{2, fmt.Sprintf("compress: want at most one folder, got %q", fs.Args())}
	}
	return site.CompressDir(dir, m.Stdout)
}

// version describes the build from what the Go toolchain recorded in it:
// the module's version, the commit (with "+changes" when the tree was not
// clean) and its time, and the Go version.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "aftercare (no build information)"
	}
	out := "aftercare " + bi.Main.Version
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		out += " commit " + rev[:min(12, len(rev))]
		if settings["vcs.modified"] == "true" {
			out += "+changes"
		}
		if t := settings["vcs.time"]; t != "" {
			out += " (" + t + ")"
		}
	}
	return out + " " + bi.GoVersion
}
