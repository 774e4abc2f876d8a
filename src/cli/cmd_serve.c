/*
 * cmd_serve.c: lifeboat serve: options, then the web server (web.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "web.h"

static const char serve_usage[] =
    "usage: lifeboat serve [--listen ADDR:PORT] [--tls-cert FILE --tls-key "
    "FILE]\n"
    "                      [--origin URL] [--max-connections N] "
    "[--timeout SECONDS]\n"
    "                      [--hashers N] [--idle-timeout SECONDS] "
    "[--session-max SECONDS]\n"
    "                      [--login-limit N]\n"
    "       lifeboat serve --routes\n\n"
    "Serve the web workspace, the client portal and the JSON API "
    "(/api/v1) on\nADDR:PORT (default 127.0.0.1:8080; port 0 picks a free "
    "one).  It prints\n\"listening on URL\" once ready, and stops on SIGTERM "
    "or SIGINT after the requests\nin flight.  --tls-cert and --tls-key "
    "(PEM) serve HTTPS; behind a reverse proxy\nthat terminates TLS, give "
    "--origin https://NAME so that state-changing requests\nare checked "
    "against the name browsers use.  --hashers: password checks run at\n"
    "once (64 MiB each, default 2).  Sessions end after 30 minutes idle "
    "and 12\nhours in all; --idle-timeout and --session-max shorten them.  "
    "--login-limit:\nfailed sign-ins a user name may have in an hour "
    "(default: the vault's setting\nlogin_failures_per_hour, 100).  "
    "--routes prints every route with its methods,\nroles and body type.  "
    "Accounts: lifeboat user add.\n";

int
cmd_serve(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "max-connections", required_argument, NULL, 'm' },
		{ "timeout", required_argument, NULL, 't' },
		{ "tls-cert", required_argument, NULL, 'c' },
		{ "tls-key", required_argument, NULL, 'k' },
		{ "origin", required_argument, NULL, 'o' },
		{ "hashers", required_argument, NULL, 'H' },
		{ "idle-timeout", required_argument, NULL, 'i' },
		{ "session-max", required_argument, NULL, 's' },
		{ "login-limit", required_argument, NULL, 'L' },
		{ "routes", no_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct web_opts	o;
	long		n;
	int		ch;

	memset(&o, 0, sizeof(o));
	o.vault_dir = c->vault_dir;
	o.who = c->who;
	o.listen = "127.0.0.1:8080";
	o.max_connections = 64;
	o.timeout = 30;
	o.hashers = 2;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			o.listen = optarg;
			break;
		case 'm':
			if (cli_number("--max-connections", optarg, 1, 10000,
			    &n) == -1)
				return EXIT_USAGE;
			o.max_connections = (unsigned)n;
			break;
		case 't':
			if (cli_number("--timeout", optarg, 1, 3600, &n) == -1)
				return EXIT_USAGE;
			o.timeout = (unsigned)n;
			break;
		case 'c':
			o.tls_cert = optarg;
			break;
		case 'k':
			o.tls_key = optarg;
			break;
		case 'o':
			if (strncmp(optarg, "https://", 8) != 0 &&
			    strncmp(optarg, "http://", 7) != 0) {
				cli_warn("--origin: expected http(s)://NAME[:PORT], "
				    "got \"%s\"", optarg);
				return EXIT_USAGE;
			}
			o.origin = optarg;
			break;
		case 'H':
			if (cli_number("--hashers", optarg, 1, 8, &n) == -1)
				return EXIT_USAGE;
			o.hashers = (unsigned)n;
			break;
		case 'i':
			if (cli_number("--idle-timeout", optarg, 1, 30 * 60,
			    &n) == -1)
				return EXIT_USAGE;
			o.idle = n;
			break;
		case 's':
			if (cli_number("--session-max", optarg, 1, 12 * 3600,
			    &n) == -1)
				return EXIT_USAGE;
			o.absolute = n;
			break;
		case 'L':
			if (cli_number("--login-limit", optarg, 1, 100,
			    &n) == -1)
				return EXIT_USAGE;
			o.login_limit = n;
			break;
		case 'R':
			web_print_routes();
			return 0;
		case 'h':
			fputs(serve_usage, stdout);
			return 0;
		default:
			fputs(serve_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cli_warn("serve: unexpected argument \"%s\"", argv[optind]);
		return EXIT_USAGE;
	}
	return web_run(&o);
}
