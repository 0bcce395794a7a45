//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
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

// run is the server-side program: it returns the process's exit code.
func run(args []string) int {
	return runWith(context.Background(), args, os.Stdout, os.Stderr)
}

func runWith(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runIO(ctx, args, os.Stdin, stdout, stderr)
}

func runIO(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = cmdServe(ctx, args[1:], stderr)
	case "static":
		err = cmdStatic(args[1:], stdout, stderr)
	case "rules":
		err = cmdRules(args[1:], stdin, stdout, stderr)
	case "triage":
		err = cmdTriage(args[1:], stdin, stdout)
	case "compress":
		err = cmdCompress(args[1:], stdout)
	case "version":
		fmt.Fprintln(stdout, version())
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "aftercare: unknown command %q (known: serve, static, rules, triage, compress, version, help)\n\n%s", args[0], usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	var positioned rules.Problems
	if errors.As(err, &positioned) {
		fmt.Fprintln(stderr, positioned.Error()) // file:line:col: message, one a line
		return 1
	}
	var ee exitError
	if errors.As(err, &ee) {
		fmt.Fprintf(stderr, "aftercare: %s\n", ee.msg)
		return ee.code
	}
	fmt.Fprintf(stderr, "aftercare: %v\n", err)
	return 1
}

// errUsage marks a flag error the flag package has already reported.
var errUsage = errors.New("usage")

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
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

func cmdServe(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", envOr("ADDR", "127.0.0.1:8080"), "address to listen on (env ADDR)")
	web := fs.String("web", "", "serve this folder of assets (with app.wasm built) instead of the ones built in")
	baseURL := fs.String("base-url", os.Getenv("BASE_URL"), "public URL of the site, for the sitemap (env BASE_URL; default http://ADDR)")
	hsts := fs.Bool("hsts", os.Getenv("HSTS") == "1", "the site is served over HTTPS (by a proxy): send Strict-Transport-Security (env HSTS=1)")
	clinicFile := fs.String("clinic", os.Getenv("CLINIC"), "clinic profile (YAML) to brand the app with (env CLINIC)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	profile, images, err := clinic.Load(*clinicFile)
	if err != nil {
		return err
	}

	logger := slog.New(slog.NewJSONHandler(stderr, nil))
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

func cmdStatic(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("static", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "dist", "folder to write the site to")
	web := fs.String("web", "", "serve this folder of assets (with app.wasm built) instead of the ones built in")
	baseURL := fs.String("base-url", envOr("BASE_URL", "http://localhost:8080"), "public URL the site will have, for the sitemap (env BASE_URL)")
	clinicFile := fs.String("clinic", os.Getenv("CLINIC"), "clinic profile (YAML) to brand the app with (env CLINIC)")
	if err := parseFlags(fs, args); err != nil {
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
	fmt.Fprintf(stdout, "aftercare: wrote the static site (version %s) to %s\n", s.Version(), *out)
	return nil
}

func cmdCompress(args []string, stdout io.Writer) error {
	dir := "web"
	switch len(args) {
	case 0:
	case 1:
		dir = args[0]
	default:
		return exitError{2, fmt.Sprintf("compress: want at most one folder, got %q", args)}
	}
	return site.CompressDir(dir, stdout)
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
