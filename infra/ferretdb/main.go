// Command ferretdb-local runs an embedded FerretDB (MongoDB wire protocol)
// backed by SQLite files, for the local "distributed" setup.
//
// It serves until SIGINT or SIGTERM.
//
//	ferretdb-local -listen 127.0.0.1:27017 -data ./data
//
// Flags fall back to the environment variables FERRETDB_LISTEN and
// FERRETDB_DATA_DIR.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func main() {
	listen := flag.String("listen", envOr("FERRETDB_LISTEN", "127.0.0.1:27017"), "TCP address to listen on (env FERRETDB_LISTEN)")
	dataDir := flag.String("data", envOr("FERRETDB_DATA_DIR", "data"), "directory for the SQLite database files (env FERRETDB_DATA_DIR)")
	debug := flag.Bool("debug", os.Getenv("FERRETDB_DEBUG") != "", "log at debug level (env FERRETDB_DEBUG)")
	flag.Parse()

	level := slog.LevelInfo
	if *debug {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	if err := run(*listen, *dataDir, logger); err != nil {
		logger.Error("ferretdb-local failed", "error", err)
		os.Exit(1)
	}
}

func run(listen, dataDir string, logger *slog.Logger) error {
	dir, err := filepath.Abs(dataDir)
	if err != nil {
		return fmt.Errorf("data dir: %w", err)
	}
	if err = os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("data dir: %w", err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: listen},
		Logger:   logger,
		Handler:  "sqlite",
		// The SQLite handler wants a directory URI ending with a slash.
		// WAL with synchronous=NORMAL: durable across a crash of the process, not of
		// the machine; enough for local and CI infrastructure, and it spares an fsync per write.
		SQLiteURL: "file:" + filepath.ToSlash(dir) + "/?_pragma=synchronous(normal)",
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	logger.Info("ferretdb-local starting", "listen", listen, "data", dir, "uri", "mongodb://"+listen+"/")
	if err = f.Run(ctx); err != nil {
		return err
	}
	logger.Info("ferretdb-local stopped")
	return nil
}
