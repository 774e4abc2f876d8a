# lifeboat serve (issue 4): the web server's security edge and its JSON API,
# against a real server on loopback with a demo vault, through curl.
#   1. the access-control matrix: every route of `serve --routes` for every
#      role (and anonymous), and 405 for a method a path does not answer
#   2. CSRF and Origin            3. session fixation
#   4. sign-out and expiry        5. sign-in throttling, identical failures
#   6. disabled accounts          7. oversized and malformed requests
#   8. the API's behaviour        9. the journal; no secret anywhere
#  10. SIGTERM with a request in flight
# One vault; a second server (short sessions, low sign-in limit, one hasher)
# on the same vault for 4, 5 and 10.
. "$(dirname "$0")/lib.sh"
# Numbered: "ok N - what" (lib.sh's ok and notok, counting).
NT=0
ok() { NT=$((NT + 1)); echo "ok $NT - $1"; }
notok() {
	NT=$((NT + 1)); echo "not ok $NT - $1"; shift
	local l; for l in "$@"; do echo "#   $l"; done
}
V="$T/v"
lb() { "$LIFEBOAT" --vault "$V" "$@"; }
# python3 itself, not a version manager's shim (slow to start).
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
	rm -rf "$T"
}
trap cleanup EXIT
printf 'passwordpassword1\n' >"$T/breached"
export LIFEBOAT_BREACHED="$T/breached"
SECRETS="$T/secrets"	# every password, token and CSRF token used
: >"$SECRETS"

# --- the vault ------------------------------------------------------------------
lb demo --clients 6 --shipments 60 --employees 3 --seed 5 >/dev/null 2>&1
# Importer A (the client's) has the most shipments; B is another.  FREE:
# shipments without an entry number, to draw numbers for.
eval "$("$PY" - "$V/demo-feed/shipments.csv" <<'PY'
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
by = collections.Counter(r["importer_number"] for r in rows)
a, b = [i for i, _ in by.most_common(2)]
free = [r["ref"] for r in rows if not r["entry_number"]
        and r["status"] not in ("cancelled", "released")]
pack = [r["ref"] for r in rows if r["entry_number"] and r["entry_type"]
        and not r["release_date"] and r["status"] != "cancelled"]
print(f"IMP_A={a} IMP_B={b}")
print(f"REF_A={next(r['ref'] for r in rows if r['importer_number'] == a)}")
print(f"REF_B={next(r['ref'] for r in rows if r['importer_number'] == b)}")
print(f"N_ALL={len(rows) + 1} N_A={by[a] + 1}")
print("FREE=(" + " ".join(free) + ")")
print(f"PACK_REF={pack[0] if pack else ''}")
print(f"ENTRY_X={next(r['entry_number'] for r in rows if r['entry_number'])}")
print(f"ENTRY_REL={next(r['entry_number'] for r in rows if r['entry_number'] and r['release_date'])}")
PY
)"
# A shipment of importer A whose ref holds a '/', as references may.
SLASH="HL26/S1"
SLASH_E="HL26%2FS1"
{ cat "$V/demo-feed/shipments.csv"
  "$PY" - "$V/demo-feed/shipments.csv" "$IMP_A" "$SLASH" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
r = next(r for r in rows if r["importer_number"] == sys.argv[2])
r = dict(r, ref=sys.argv[3], entry_number="", entry_type="", entry_date="",
         release_date="", status="expected", summary_date="")
w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
w.writerow(r)
PY
} >"$T/ship.csv"
lb import shipments "$T/ship.csv" >/dev/null
nfree=0
take_free() { REF=${FREE[$nfree]}; nfree=$((nfree + 1)); }
# One shipment with a drawn number, for the recovery queue.
take_free; REF_REC=$REF
lb entry next --filer "$(lb entry blocks | awk 'NR == 2 { print $1 }')" \
    --shipment "$REF_REC" --anyway >/dev/null
[ -n "$IMP_A" ] && [ -n "$REF_B" ] && [ "${#FREE[@]}" -ge 12 ] ||
    { notok "demo vault as expected" "A=$IMP_A B=$REF_B free=${#FREE[@]}"; exit 1; }

declare -A USERN PASS TOK CSRF
adduser() {	# adduser WHO NAME ROLE [IMPORTER]
	USERN[$1]=$2
	PASS[$1]="secret-$RANDOM-$RANDOM-horse-staple"
	echo "${PASS[$1]}" >>"$SECRETS"
	echo "${PASS[$1]}" | lb user add "$2" --role "$3" ${4:+--client "$4"} \
	    --password-stdin >/dev/null
}
adduser admin uadmin admin
adduser staff ustaff staff
adduser auditor uauditor auditor
adduser client uclient client "$IMP_A"
for u in throwaway victim1 victim2 victim3 uthrottle uexpire; do
	adduser "$u" "$u" staff
done

# --- servers and requests ------------------------------------------------------------
# start NAME ARGS...: a server on a free port; sets $U and ${NAME}_PID.
start() {
	local name=$1 port=""; shift
	"$LIFEBOAT" --vault "$V" serve --listen 127.0.0.1:0 "$@" >"$T/$name.out" 2>"$T/$name.err" &
	local pid=$!
	PIDS+=("$pid")
	eval "${name}_PID=$pid"
	for _ in $(seq 1 100); do
		port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$T/$name.out")
		[ -n "$port" ] && break
		sleep 0.1
	done
	if [ -z "$port" ]; then
		notok "server $name started" "$(cat "$T/$name.out" "$T/$name.err")"
		exit 1
	fi
	ok "server $name started on port $port"
	U="http://127.0.0.1:$port"
}
start main
U1=$U
ORIGIN=$U

# req METHOD PATH CURL_ARGS...: status in $code, body in $T/body, headers
# in $T/hdr, some of them in H_LOC, H_CT, H_ALLOW, H_RETRY and H_TOKEN (a
# session cookie set; "" when none, or when cleared).
req() {
	local m=$1 p=$2; shift 2
	code=$(curl -s --path-as-is --max-time 30 -X "$m" -o "$T/body" -D "$T/hdr" \
	    -w '%{http_code}' "$@" "$U$p")
	parse_hdr
}
parse_hdr() {	# in bash: no process per request
	local l v
	H_LOC=""; H_CT=""; H_ALLOW=""; H_RETRY=""; H_TOKEN=""
	while IFS= read -r l; do
		l=${l%$'\r'}
		case ${l,,} in
		location:*) H_LOC=${l#*: } ;;
		content-type:*) H_CT=${l#*: } ;;
		allow:*) H_ALLOW=${l#*: } ;;
		retry-after:*) H_RETRY=${l#*: } ;;
		"set-cookie: __host-lifeboat="*)
			v=${l#*=}; v=${v%%;*}
			[[ $v =~ ^[0-9a-f]+$ ]] && H_TOKEN=$v ;;
		esac
	done <"$T/hdr"
}
jcsrf() { sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$T/body"; }
ck() { echo "Cookie: __Host-lifeboat=$1"; }
# as WHO METHOD PATH CURL_ARGS...: with WHO's session cookie (none for anon);
# a new session cookie in the reply becomes WHO's, with its CSRF token.
as() {
	local who=${1/client-other/client} m=$2 p=$3; shift 3
	local a=() nt
	if [ "$who" != anon ] && [ -n "${TOK[$who]:-}" ]; then a+=(-H "$(ck "${TOK[$who]}")"); fi
	req "$m" "$p" ${a[@]+"${a[@]}"} "$@"
	nt=$H_TOKEN
	if [ -n "$nt" ]; then
		echo "$nt" >>"$SECRETS"
		[ "$who" = anon ] && return
		TOK[$who]=$nt
		local save=$code
		cp "$T/body" "$T/body.keep"; cp "$T/hdr" "$T/hdr.keep"
		CSRF[$who]=$(jcsrf)
		if [ -z "${CSRF[$who]}" ]; then
			req GET /api/v1/session -H "$(ck "$nt")"
			CSRF[$who]=$(jcsrf)
		fi
		echo "${CSRF[$who]}" >>"$SECRETS"
		cp "$T/body.keep" "$T/body"; cp "$T/hdr.keep" "$T/hdr"
		code=$save
		parse_hdr
	fi
}
JSON=(-H "Content-Type: application/json")
FORM=(-H "Content-Type: application/x-www-form-urlencoded")
# signin WHO [CURL_ARGS]: POST /api/v1/session as WHO's user; $code.
signin() {
	local who=$1; shift
	req POST /api/v1/session -H "Origin: $ORIGIN" "${JSON[@]}" "$@" \
	    --data-binary "{\"user\":\"${USERN[$who]}\",\"password\":\"${PASS[$who]}\"}"
	local nt=$H_TOKEN
	if [ "$code" = 200 ] && [ -n "$nt" ]; then
		TOK[$who]=$nt
		CSRF[$who]=$(jcsrf)
		printf '%s\n%s\n' "$nt" "${CSRF[$who]}" >>"$SECRETS"
	fi
}
for w in admin staff auditor client; do
	signin "$w"
	expect_eq "sign in as ${USERN[$w]}" "$code" 200
done
expect_grep "sign-in says the role" "$T/body" '^\{"user":"uclient","role":"client","importer_number":"'"$IMP_A"'","csrf":"[0-9a-f]{32}"\}$'

T0=$(date +%s)
section() { echo "# $(($(date +%s) - T0)) s: $1"; }
section "the access-control matrix"
# --- 1. the access-control matrix -------------------------------------------------------
# Every route: "METHOD PATH|ROLES|BODY|STATUSES a listed role may get"
# (303>/login: a redirect there; a plain 303 must not send a signed-in
# user to the sign-in page).  The test fails when `serve --routes` and this
# table differ in any way.
cat >"$T/table" <<'EOF'
GET /livez|public,admin,staff,client,auditor|-|200
GET /readyz|public,admin,staff,client,auditor|-|200
GET /metrics|public,admin,staff,client,auditor|-|200
POST /api/v1/session|public,admin,staff,client,auditor|json|200
GET /api/v1/session|admin,staff,client,auditor|-|200
DELETE /api/v1/session|admin,staff,client,auditor|-|204
GET /api/v1/shipments|admin,staff,client,auditor|-|200
GET /api/v1/shipments/{ref}|admin,staff,client,auditor|-|200
GET /api/v1/shipments/{ref}/pack|admin,staff,auditor|-|200 422
POST /api/v1/shipments/{ref}/entry|admin,staff|json|201
POST /api/v1/shipments/{ref}/release|admin,staff|json|200 409
POST /api/v1/shipments/{ref}/fields|admin,staff|json|200
POST /api/v1/shipments/{ref}/conflicts/{field}|admin,staff|json|409
GET /api/v1/conflicts|admin,staff,auditor|-|200
GET /api/v1/dashboard|admin,staff,auditor|-|200
GET /api/v1/deadlines|admin,staff,client,auditor|-|200
GET /api/v1/entries|admin,staff,auditor|-|200
POST /api/v1/entries/{number}/void|admin,staff|json|409
GET /api/v1/recovery|admin,staff,auditor|-|200
GET /api/v1/recovery/attachment/{entry}|admin,staff,auditor|-|200 422
POST /api/v1/recovery/{ref}/{task}|admin,staff|json|204
GET /api/v1/relief|admin,staff,auditor|-|200
POST /api/v1/relief|admin,staff|json|201
GET /api/v1/users|admin|-|200
POST /api/v1/users|admin|json|201
POST /api/v1/users/{name}/disable|admin|json|204
POST /api/v1/users/{name}/enable|admin|json|204
GET /api/v1/clocks|admin,staff,auditor|-|200
POST /api/v1/clocks/{name}/start|admin,staff|json|409
POST /api/v1/clocks/{name}/stop|admin,staff|json|409
GET /api/v1/settings|admin,staff,auditor|-|200
GET /api/v1/journal/checkpoint|admin,staff,auditor|-|200
GET /api/v1/verify|admin,auditor|-|200
GET /assets/{name}|public,admin,staff,client,auditor|-|200
GET /login|public,admin,staff,client,auditor|page|200 303
POST /login|public,admin,staff,client,auditor|form,page|303
POST /logout|admin,staff,client,auditor|form,page|303>/login
GET /|admin,staff,client,auditor|page|200 303
GET /shipments|admin,staff,client,auditor|page|200
GET /shipments/{ref}|admin,staff,client,auditor|page|200
GET /shipments/{ref}/pack|admin,staff,auditor|page|200 422
POST /shipments/{ref}/entry|admin,staff|form,page|303
POST /shipments/{ref}/release|admin,staff|form,page|303 409
POST /shipments/{ref}/fields|admin,staff|form,page|303
POST /shipments/{ref}/void|admin,staff|form,page|303 409
POST /shipments/{ref}/conflicts|admin,staff|form,page|409
GET /deadlines|admin,staff,client,auditor|page|200
GET /conflicts|admin,staff,auditor|page|200
GET /recovery|admin,staff,auditor|page|200
GET /employees|admin,staff,auditor|page|200
GET /clients|admin,staff,auditor|page|200
GET /users|admin|page|200
POST /users|admin|form,page|303
POST /users/{name}/disable|admin|form,page|303
POST /users/{name}/enable|admin|form,page|303
EOF
lb serve --routes >"$T/routes"
expect_eq "serve --routes exits 0 and lists routes" "$?:$(grep -c . "$T/routes")" "0:$(grep -c . "$T/table")"
declare -A TROLES TBODY TOK_ST RROLES RBODY
KEYS=()
while IFS='|' read -r key roles body sts; do
	TROLES[$key]=$roles; TBODY[$key]=$body; TOK_ST[$key]=$sts
done <"$T/table"
# A line: METHOD[, METHOD...] PATH ROLES BODY [more fields, ignored here].
while read -r line; do
	meth=${line%% /*}; rest=${line#"$meth "}
	read -r path roles body _ <<<"$rest"
	key="$meth $path"
	RROLES[$key]=$roles; RBODY[$key]=$body
	KEYS+=("$key")
done <"$T/routes"
bad=""
for k in "${KEYS[@]}"; do
	if [ -z "${TROLES[$k]+x}" ]; then bad+=" [route not in the matrix: $k]"
	elif [ "${TROLES[$k]}|${TBODY[$k]}" != "${RROLES[$k]}|${RBODY[$k]}" ]; then
		bad+=" [$k: serve says ${RROLES[$k]}|${RBODY[$k]}, the matrix ${TROLES[$k]}|${TBODY[$k]}]"
	fi
done
for k in "${!TROLES[@]}"; do
	[ -n "${RROLES[$k]+x}" ] || bad+=" [in the matrix, not served: $k]"
done
if [ -z "$bad" ]; then ok "matrix: every route covered, roles and bodies as expected"
else notok "matrix: every route covered, roles and bodies as expected" "$bad"; fi

ucount=0
# cell KEY WHO: make the request of route KEY as WHO (anon, admin, staff,
# auditor, client, client-other: the client asking for importer B's ref).
cell() {
	local key=$1 who=$2 m=${1%% *} p=${1#* } w=${2/client-other/client}
	local ref=$REF_A listed=0 a=(-H "Origin: $ORIGIN")
	[ "$who" = client-other ] && ref=$REF_B
	case ",${TROLES[$key]}," in *",${w/anon/public},"*) listed=1 ;; esac
	case $key in
	*"/entry") if [ "$listed" = 1 ]; then take_free; ref=$REF; echo "$who $REF" >>"$T/drawn"; fi ;;
	esac
	p=${p//\{ref\}/$ref}
	p=${p//\{number\}/$ENTRY_X}; p=${p//\{entry\}/$ENTRY_X}
	p=${p//\{field\}/bond_amount}
	if [ "${p#/assets}" != "$p" ]; then p=${p//\{name\}/style.css}; else p=${p//\{name\}/throwaway}; fi
	case $who in admin) p=${p//\{task\}/release} ;; staff) p=${p//\{task\}/summary} ;;
	*) p=${p//\{task\}/statement} ;; esac
	[ "$key" = "POST /api/v1/recovery/{ref}/{task}" ] && p=${p//$ref/$REF_REC}
	local cs=${CSRF[$w]:-}
	[ "$w" = anon ] && cs=""
	[ "${TBODY[$key]}" = json ] && a+=("${JSON[@]}" -H "X-CSRF-Token: $cs")
	[ "$m" = DELETE ] && a+=(-H "X-CSRF-Token: $cs")
	ucount=$((ucount + 1))
	local u=${USERN[$w]:-ustaff} pw=${PASS[$w]:-${PASS[staff]}}
	case $key in
	"POST /api/v1/session") a+=(--data-binary "{\"user\":\"$u\",\"password\":\"$pw\"}") ;;
	"POST /login") a+=("${FORM[@]}" --data-urlencode "user=$u" --data-urlencode "password=$pw") ;;
	"POST /api/v1/shipments/{ref}/entry") a+=(--data-binary '{"anyway":true}') ;;
	"POST /api/v1/shipments/{ref}/release") a+=(--data-binary '{"date":"2026-11-30"}') ;;
	"POST /api/v1/shipments/{ref}/fields") a+=(--data-binary "{\"field\":\"driver_name\",\"value\":\"Matrix $who\",\"reason\":\"matrix\"}") ;;
	"POST /api/v1/shipments/{ref}/conflicts/{field}") a+=(--data-binary '{"resolution":"keep","reason":"matrix"}') ;;
	"POST /shipments/{ref}/release") a+=("${FORM[@]}" --data-urlencode "date=2026-11-30" --data-urlencode "csrf=$cs") ;;
	"POST /shipments/{ref}/fields") a+=("${FORM[@]}" --data-urlencode "field=driver_name" --data-urlencode "value=Matrix $who" --data-urlencode "reason=matrix" --data-urlencode "csrf=$cs") ;;
	"POST /shipments/{ref}/void") a+=("${FORM[@]}" --data-urlencode "reason=matrix" --data-urlencode "csrf=$cs") ;;
	"POST /shipments/{ref}/conflicts") a+=("${FORM[@]}" --data-urlencode "field=bond_amount" --data-urlencode "resolution=keep" --data-urlencode "reason=matrix" --data-urlencode "csrf=$cs") ;;
	"POST /api/v1/recovery/{ref}/{task}") a+=(--data-binary '{"state":"transmitted"}') ;;
	"POST /api/v1/relief") a+=(--data-binary "{\"type\":\"discretion\",\"from\":\"2026-01-05\",\"to\":\"2026-01-06\",\"reason\":\"matrix $who\",\"reference\":\"CBP ref\",\"approved_by\":\"CBP OT\"}") ;;
	"POST /api/v1/users") a+=(--data-binary "{\"name\":\"mx-json-$ucount\",\"role\":\"auditor\",\"password\":\"matrix-pass-phrase-$ucount\"}") ;;
	"POST /api/v1/users/{name}/"*) a+=(--data-binary '{}') ;;
	"POST /api/v1/clocks/{name}/"*) a+=(--data-binary '{}') ;;
	"POST /api/v1/entries/{number}/void") a+=(--data-binary '{"reason":"matrix"}') ;;	# on a shipment: refused	# "throwaway": no such clock
	"POST /shipments/{ref}/entry") a+=("${FORM[@]}" --data-urlencode "anyway=true" --data-urlencode "csrf=$cs") ;;
	"POST /logout"|"POST /users/{name}/"*) a+=("${FORM[@]}" --data-urlencode "csrf=$cs") ;;
	"POST /users") a+=("${FORM[@]}" --data-urlencode "name=mx-form-$ucount" --data-urlencode role=auditor \
	    --data-urlencode "password=matrix-pass-phrase-$ucount" --data-urlencode "csrf=$cs") ;;
	esac
	as "$who" "$m" "$p" "${a[@]}"
	CELL_PATH=$p
	CELL_LISTED=$listed
}
# check KEY WHO: the cell's status against the matrix.
check() {
	local key=$1 who=$2 w=${2/client-other/client}
	local page=0 want what loc
	case ${TBODY[$key]} in *page*) page=1 ;; esac
	cell "$key" "$who"
	loc=$H_LOC
	if [ "$who" = client-other ] && [ "$CELL_LISTED" = 1 ]; then
		want=404; what="not found (another importer's)"
		[ "$code" = 404 ]
	elif [ "$CELL_LISTED" = 1 ]; then
		want=${TOK_ST[$key]}; what=allowed
		case " $want " in
		*" $code>$loc "*) ;;
		*" $code "*) [ "$code" != 303 ] || [ "$loc" != /login ] || [ "$w" = anon ] ;;
		*) false ;;
		esac
	elif [ "$w" = anon ] && [ "$page" = 1 ]; then
		want="303 to /login"; what="sign in first"
		[ "$code" = 303 ] && [ "$loc" = /login ]
	elif [ "$w" = anon ]; then
		want=401; what="sign in first"
		[ "$code" = 401 ] && grep -q '"status":401' "$T/body"
	else
		want=403; what="refused for the role"	# an API says so in problem+json
		[ "$code" = 403 ] && { [ "$page" = 1 ] || grep -q '"status":403' "$T/body"; }
	fi
	if [ $? -eq 0 ]; then ok "matrix: $key as $who: $what ($code)"
	else notok "matrix: $key as $who: $what" "${key%% *} $CELL_PATH got $code${loc:+ (Location $loc)}, wanted $want" "$(head -c 300 "$T/body")"; fi
}
DEFER=("DELETE /api/v1/session" "POST /api/v1/session" "POST /logout" "POST /login")
run_row() {
	local k=$1 who
	for who in anon admin staff auditor client; do check "$k" "$who"; done
	case $k in *"{ref}"*) check "$k" client-other ;; esac
}
for k in "${KEYS[@]}"; do
	case " ${DEFER[*]} " in *" $k "*) continue ;; esac
	[ -n "${TROLES[$k]+x}" ] && run_row "$k"
done
# The deferred rows end and begin sessions: check that they do.
declare -A OLD
for k in "${DEFER[@]}"; do
	[ -n "${TROLES[$k]+x}" ] && [ -n "${RROLES[$k]+x}" ] || continue
	for w in admin staff auditor client; do OLD[$w]=${TOK[$w]}; done
	run_row "$k"
	for w in admin staff auditor client; do
		case $k in
		"DELETE /api/v1/session"|"POST /logout")
			req GET /api/v1/session -H "$(ck "${OLD[$w]}")"
			expect_eq "matrix: after $k, $w's session has ended" "$code" 401 ;;
		"POST /api/v1/session"|"POST /login")
			as "$w" GET /api/v1/session
			if [ "${TOK[$w]}" != "${OLD[$w]}" ] && [ "$code" = 200 ] &&
			    grep -q "\"user\":\"${USERN[$w]}\"" "$T/body"; then
				ok "matrix: after $k, $w has a new session"
			else notok "matrix: after $k, $w has a new session" "$code $(head -c 200 "$T/body")"; fi ;;
		esac
	done
done
# 405: each path, with a method none of its routes answers, and Allow.
declare -A PM
for k in "${KEYS[@]}"; do PM[${k#* }]+=" ${k%% *} "; done
for p in $(printf '%s\n' "${!PM[@]}" | sort); do
	allow=""
	for m in GET HEAD POST PUT DELETE PATCH; do
		case "${PM[$p]}" in *" $m "*|*" ${m/HEAD/GET} "*) allow+="${allow:+, }$m" ;; esac
	done
	for m in GET POST DELETE PUT; do	# the first one not answered
		case "${PM[$p]}" in *" $m "*) ;; *) break ;; esac
	done
	cpath=${p//\{ref\}/$REF_A}; cpath=${cpath//\{task\}/release}
	cpath=${cpath//\{name\}/$([ "${p#/assets}" != "$p" ] && echo style.css || echo throwaway)}
	req "$m" "$cpath" -H "$(ck "${TOK[admin]}")" -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]}"
	got="$code|$H_ALLOW"
	expect_eq "matrix: $m $p not answered: 405, Allow: $allow" "$got" "405|$allow"
done
# Sessions after the matrix (signing out and back in is part of it).
for w in admin staff auditor client; do
	as "$w" GET /api/v1/session
	if [ "$code" != 200 ]; then signin "$w"; fi
done
# What the matrix's allowed requests did, and that refused ones did nothing.
nd=0
while read -r who ref; do
	as staff GET "/api/v1/shipments/${ref//\//%2F}"
	if grep -qE '"entry_number":"[A-Z0-9]{3}-[0-9]{7}-[0-9]"' "$T/body"; then nd=$((nd + 1))
	else notok "matrix: $who drew a number for $ref" "$(head -c 300 "$T/body")"; fi
done <"$T/drawn"
expect_eq "matrix: numbers drawn by admin and staff (JSON and form), and only them" \
    "$nd $(cut -d' ' -f1 "$T/drawn" | sort | tr '\n' ' ')" "4 admin admin staff staff "
as staff GET /api/v1/relief
expect_eq "matrix: relief added by admin and staff only" \
    "$(grep -o '"reason":"matrix [a-z-]*"' "$T/body" | sort | tr '\n' ' ')" \
    '"reason":"matrix admin" "reason":"matrix staff" '
as admin GET /api/v1/users
expect_eq "matrix: users added by the admin only (one JSON, one form)" \
    "$(grep -o '"name":"mx-[a-z]*-' "$T/body" | sort | tr '\n' ' ')" \
    '"name":"mx-form- "name":"mx-json- '
expect_grep "matrix: the throwaway user is active again" "$T/body" '"name":"throwaway","role":"staff","importer_number":null,"state":"active"'
as staff GET /api/v1/recovery
expect_eq "matrix: recovery marks by admin (release) and staff (summary) only" \
    "$(grep -o "\"ref\":\"$REF_REC\",\"task\":\"[a-z]*\",\"entry_number\":\"[^\"]*\",\"state\":\"[a-z]*\"" "$T/body" | sed 's/.*"task":"\([a-z]*\)".*"state":"\([a-z]*\)"/\1=\2/' | sort | tr '\n' ' ')" \
    "release=transmitted statement=pending summary=transmitted "

section "CSRF"
# --- 2. CSRF and Origin -----------------------------------------------------------------
# POST /api/v1/users/uclient/enable: the user is active, so a request that
# passes the edge gets 409 from the handler: the control.
EN=/api/v1/users/uclient/enable
csrf_case() {	# NAME WANT CURL_ARGS...
	local name=$1 want=$2; shift 2
	req POST "$EN" -H "$(ck "${TOK[admin]}")" "${JSON[@]}" --data-binary '{}' "$@"
	expect_eq "csrf: $name" "$code" "$want"
}
csrf_case "control: Origin and token: the handler answers" 409 \
    -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]}"
csrf_case "no X-CSRF-Token" 403 -H "Origin: $ORIGIN"
expect_grep "csrf: no token: said" "$T/body" '"title":"missing or wrong CSRF token"'
csrf_case "empty token" 403 -H "Origin: $ORIGIN" -H "X-CSRF-Token;"
csrf_case "wrong token" 403 -H "Origin: $ORIGIN" -H "X-CSRF-Token: $(head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n")"
csrf_case "token one character short" 403 -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]%?}"
csrf_case "token of another session" 403 -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[staff]}"
csrf_case "the session token as CSRF token" 403 -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${TOK[admin]}"
csrf_case "no Origin" 403 -H "X-CSRF-Token: ${CSRF[admin]}"
expect_grep "csrf: no Origin: said" "$T/body" '"title":"cross-origin request refused"'
csrf_case "wrong Origin" 403 -H "Origin: http://evil.example" -H "X-CSRF-Token: ${CSRF[admin]}"
csrf_case "Origin of another port" 403 -H "Origin: http://127.0.0.1:1" -H "X-CSRF-Token: ${CSRF[admin]}"
csrf_case "Origin https instead of http" 403 -H "Origin: ${ORIGIN/http/https}" -H "X-CSRF-Token: ${CSRF[admin]}"
csrf_case "Origin null" 403 -H "Origin: null" -H "X-CSRF-Token: ${CSRF[admin]}"
csrf_case "Sec-Fetch-Site: cross-site" 403 -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]}" -H "Sec-Fetch-Site: cross-site"
csrf_case "Sec-Fetch-Site: same-site" 403 -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]}" -H "Sec-Fetch-Site: same-site"
csrf_case "Sec-Fetch-Site: same-origin passes" 409 -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]}" -H "Sec-Fetch-Site: same-origin"
req DELETE /api/v1/session -H "$(ck "${TOK[staff]}")" -H "Origin: $ORIGIN"
expect_eq "csrf: sign-out without the token refused" "$code" 403
as staff GET /api/v1/session
expect_eq "csrf: ... and the session still works" "$code" 200
# A form route takes the token in the form field.
req POST /users -H "$(ck "${TOK[admin]}")" -H "Origin: $ORIGIN" "${FORM[@]}" \
    --data "name=uclient&role=staff&password=whatever-it-may-be&csrf=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n")"
expect_eq "csrf: form with a wrong csrf field" "$code" 403
req POST /users -H "$(ck "${TOK[admin]}")" -H "Origin: $ORIGIN" "${FORM[@]}" \
    --data "name=uclient&role=staff&password=whatever-it-may-be"
expect_eq "csrf: form without a csrf field" "$code" 403
# Sign-in needs the Origin, not a token.
req POST /api/v1/session "${JSON[@]}" --data-binary "{\"user\":\"ustaff\",\"password\":\"${PASS[staff]}\"}"
expect_eq "csrf: sign-in without Origin refused" "$code" 403
expect_eq "csrf: ... with no cookie set" "$H_TOKEN" ""
USERN[staff2]=ustaff; PASS[staff2]=${PASS[staff]}
signin staff2
expect_eq "csrf: sign-in with Origin and no token" "$code" 200

section "fixation"
# --- 3. session fixation ---------------------------------------------------------------
fake=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n")
req GET /api/v1/session -H "$(ck "$fake")"
expect_eq "fixation: an invented cookie is refused" "$code" 401
req GET /api/v1/shipments -H "$(ck deadbeef)"
expect_eq "fixation: a short cookie is refused" "$code" 401
req GET /api/v1/session -H "$(ck "${TOK[admin]}x")"
expect_eq "fixation: a real token with a byte more is refused" "$code" 401
USERN[fix]=uauditor; PASS[fix]=${PASS[auditor]}
signin fix -H "$(ck "$fake")"
expect_eq "fixation: sign-in with an invented cookie" "$code" 200
if [ -n "${TOK[fix]:-}" ] && [ "${TOK[fix]}" != "$fake" ]; then ok "fixation: a new token, not the one sent"
else notok "fixation: a new token, not the one sent" "got '${TOK[fix]:-}'"; fi
expect_grep "fixation: cookie is Secure, HttpOnly, SameSite=Strict, Path=/" "$T/hdr" \
    '^Set-Cookie: __Host-lifeboat=[0-9a-f]{32}; Path=/; Secure; HttpOnly; SameSite=Strict'
req GET /api/v1/session -H "$(ck "$fake")"
expect_eq "fixation: the invented cookie still refused" "$code" 401
old=${TOK[auditor]}
signin auditor -H "$(ck "$old")"
expect_eq "fixation: sign-in over a live session" "$code" 200
if [ "${TOK[auditor]}" != "$old" ]; then ok "fixation: the token changes at sign-in"
else notok "fixation: the token changes at sign-in"; fi
req GET /api/v1/session -H "$(ck "$old")"
expect_eq "fixation: the old token ends" "$code" 401
as auditor GET /api/v1/session
expect_eq "fixation: the new token works" "$code" 200

section "sign-out and expiry"
# --- 4. sign-out and expiry ------------------------------------------------------------
as staff2 DELETE /api/v1/session -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[staff2]}"
expect_eq "sign-out: 204" "$code" 204
expect_grep "sign-out: the cookie is cleared" "$T/hdr" '^Set-Cookie: __Host-lifeboat=; .*Max-Age=0'
as staff2 GET /api/v1/session
expect_eq "sign-out: the token no longer works" "$code" 401
as staff2 DELETE /api/v1/session -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[staff2]}"
expect_eq "sign-out: twice: 401" "$code" 401
as staff GET /api/v1/session
expect_eq "sign-out: another session of the user goes on" "$code" 200

start s2 --idle-timeout 2 --session-max 4 --login-limit 3 --hashers 1
U2=$U
ORIGIN=$U2
USERN[busy]=uexpire; PASS[busy]=${PASS[uexpire]}
USERN[idle]=uexpire; PASS[idle]=${PASS[uexpire]}
ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
# The server counts whole seconds: a session touched less than 1 s apart
# is never idle for 2.  A gap of 1 s or more (a loaded machine) makes the
# checks of a busy session inconclusive: skipped, said so.
signin idle; t0=$(ms); c1=$code
as idle GET "/api/v1/shipments?limit=1"; t_idle=$(ms)
if [ "$c1" = 200 ] && [ $((t_idle - t0)) -ge 1000 ] && [ "$code" != 200 ]; then
	ok "expiry: used within the idle timeout: works # SKIP $((t_idle - t0)) ms between sign-in and use"
else expect_eq "expiry: used within the idle timeout: works" "$c1 $code" "200 200"; fi
signin busy; t_busy=$(ms)
expect_eq "expiry: a second session" "$code" 200
busy_log=""; busy_bad=""; idle_done=0; last=$t_busy; maxgap=0
while :; do
	sleep 0.1
	as busy GET /api/v1/session
	now=$(ms); e=$((now - t_busy)); gap=$((now - last)); last=$now
	[ "$gap" -gt "$maxgap" ] && maxgap=$gap
	busy_log+=" $e:$code"
	if [ "$e" -lt 2900 ]; then [ "$code" = 200 ] || busy_bad+=" ${e}ms:$code"
	elif [ "$e" -ge 5100 ]; then break; fi
	if [ "$idle_done" = 0 ] && [ $((now - t_idle)) -ge 3200 ]; then
		ei=$((now - t_idle))
		as idle GET /api/v1/session
		expect_eq "expiry: idle for ${ei} ms (> 2 s): 401" "$code" 401
		idle_done=1
	fi
done
echo "# busy session, ms since sign-in:status:$busy_log (largest gap $maxgap ms)"
if [ "$maxgap" -ge 1000 ] && [ -n "$busy_bad" ]; then
	ok "expiry: a busy session works for the first 2.9 s # SKIP a gap of $maxgap ms: machine too slow"
else expect_eq "expiry: a busy session works for the first 2.9 s" "$busy_bad" ""; fi
expect_eq "expiry: ... and not after 5.1 s (session-max 4), busy or not" "$code" 401
expect_eq "expiry: the idle one was tried" "$idle_done" 1

section "throttling"
# --- 5. throttling --------------------------------------------------------------------------
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
fastest() { sort -n "$1" | head -n1; }
# Three wrong passwords and three unknown-user attempts, interleaved (so
# that a loaded machine slows both alike).
: >"$T/t_wrong"; : >"$T/t_unknown"
attempt() {	# attempt KIND USER I
	local t
	t=$(curl -s --max-time 30 -o "$T/b_$1$3" -w '%{http_code} %{time_total}' -H "Origin: $ORIGIN" \
	    "${JSON[@]}" --data-binary "{\"user\":\"$2\",\"password\":\"wrong-password-number-$3\"}" "$U2/api/v1/session")
	expect_eq "throttle: $1 $3: 401" "${t%% *}" 401
	echo "${t#* }" >>"$T/t_$1"
	echo "wrong-password-number-$3" >>"$SECRETS"
}
for i in 1 2 3; do
	attempt wrong uthrottle "$i"
	attempt unknown nosuchuser "$i"
done
req POST /api/v1/session -H "Origin: $ORIGIN" "${JSON[@]}" \
    --data-binary "{\"user\":\"uthrottle\",\"password\":\"${PASS[uthrottle]}\"}"
expect_eq "throttle: then the right password: 429" "$code" 429
expect_eq "throttle: ... no cookie" "$H_TOKEN" ""
expect_eq "throttle: ... Retry-After" "$H_RETRY" 5
cp "$T/body" "$T/b_429"
if cmp -s "$T/b_wrong1" "$T/b_unknown1" && cmp -s "$T/b_wrong3" "$T/b_unknown3"; then
	ok "throttle: unknown user and wrong password: the same body"
else notok "throttle: unknown user and wrong password: the same body" \
    "$(cat "$T/b_wrong1")" "$(cat "$T/b_unknown1")"; fi
req POST /api/v1/session -H "Origin: $ORIGIN" "${JSON[@]}" \
    --data-binary '{"user":"nosuchuser","password":"wrong-password-number-4"}'
expect_eq "throttle: unknown user, 4th attempt: 429" "$code" 429
if cmp -s "$T/body" "$T/b_429"; then ok "throttle: ... the same body as a known user's"
else notok "throttle: ... the same body as a known user's" "$(cat "$T/body")" "$(cat "$T/b_429")"; fi
USERN[other]=uexpire; PASS[other]=${PASS[uexpire]}
signin other
expect_eq "throttle: per user name: another user signs in" "$code" 200
tw=$(fastest "$T/t_wrong"); tu=$(fastest "$T/t_unknown")
echo "# sign-in seconds: wrong password" $(cat "$T/t_wrong") "/ unknown user" $(cat "$T/t_unknown") "(fastest: $tw / $tu)"
if lt "$(awk -v t="$tw" 'BEGIN { print t / 2 }')" "$tu"; then
	ok "throttle: an unknown user takes as long as a wrong password (> half)"
else notok "throttle: an unknown user takes as long as a wrong password (> half)" "wrong $tw s, unknown $tu s"; fi

section "SIGTERM"
# --- 10 (first part). SIGTERM with sign-ins in flight (one hasher: they queue) --------------
# Six sign-ins at once; once the first is answered the others are queued
# for the one hasher (about 0.1 s each): SIGTERM then, with 5 in flight.
IF=()
for i in 1 2 3 4 5 6; do
	rm -f "$T/inflight$i"
	( c=$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' -H "Origin: $ORIGIN" "${JSON[@]}" \
	    --data-binary "{\"user\":\"nobody$i\",\"password\":\"in-flight-password-$i\"}" "$U2/api/v1/session")
	  rc=$?
	  echo "$c $(ms) $rc" >"$T/inflight$i.tmp"; mv "$T/inflight$i.tmp" "$T/inflight$i" ) &
	IF+=($!)
	echo "in-flight-password-$i" >>"$SECRETS"
done
for _ in $(seq 1 300); do
	ls "$T"/inflight[1-6] >/dev/null 2>&1 && break
	sleep 0.02
done
answered=$(ls "$T"/inflight[1-6] 2>/dev/null | wc -l)
t_kill=$(ms)
kill -TERM "$s2_PID"
wait "$s2_PID"
expect_eq "sigterm: exit 0 with sign-ins in flight" "$?" 0
wait "${IF[@]}"
late=0; codes=""
for i in 1 2 3 4 5 6; do
	read -r c t rc <"$T/inflight$i"
	codes+=" $c"; [ "$c" = 000 ] && codes+="(curl exit $rc)"
	[ "$t" -gt "$t_kill" ] && late=$((late + 1))
done
echo "# in-flight sign-ins answered:$codes ($answered before SIGTERM, $late after)"
case "$codes" in *000*) notok "sigterm: every request in flight answered" "$codes ($answered answered before SIGTERM)" ;;
*) ok "sigterm: every request in flight answered" ;; esac
if [ "$late" -ge 1 ]; then ok "sigterm: requests were in flight ($late ended after the signal)"
else notok "sigterm: requests were in flight" "none ended after SIGTERM"; fi
expect_grep "sigterm: says so" "$T/s2.err" "stopped on SIGTERM"
U=$U1
ORIGIN=$U1

section "disabled accounts"
# --- 6. disabled accounts --------------------------------------------------------------------
signin victim1
as victim1 GET /api/v1/shipments?limit=1
expect_eq "disable: victim1 signed in" "$code" 200
as admin POST /api/v1/users/victim1/disable -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]}" "${JSON[@]}" --data-binary '{}'
expect_eq "disable: admin disables victim1 (API)" "$code" 204
as victim1 GET /api/v1/shipments?limit=1
expect_eq "disable: victim1's session ends at once" "$code" 401
signin victim1
expect_eq "disable: victim1 cannot sign in" "$code" 401
if cmp -s "$T/body" "$T/b_wrong1"; then ok "disable: ... answered as a wrong password"
else notok "disable: ... answered as a wrong password" "$(cat "$T/body")"; fi
as admin POST /api/v1/users/victim1/disable -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]}" "${JSON[@]}" --data-binary '{}'
expect_eq "disable: twice: 409" "$code" 409
as admin POST /api/v1/users/nosuch/disable -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]}" "${JSON[@]}" --data-binary '{}'
expect_eq "disable: unknown user: 409" "$code" 409
as admin POST /api/v1/users/victim1/enable -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]}" "${JSON[@]}" --data-binary '{}'
expect_eq "disable: enable again (API)" "$code" 204
as admin GET /api/v1/users
expect_grep "disable: users lists victim1 active" "$T/body" '\{"name":"victim1","role":"staff","importer_number":null,"state":"active"'
signin victim2
as victim2 GET /api/v1/session
expect_eq "disable: victim2 signed in" "$code" 200
expect_rc "disable: victim2 disabled from the CLI while the server runs" 0 lb user disable victim2
as victim2 GET /api/v1/session
expect_eq "disable: victim2's session ends" "$code" 401
signin victim3
echo "brand-new-passphrase-2026" | lb user passwd victim3 --password-stdin >/dev/null
echo "brand-new-passphrase-2026" >>"$SECRETS"
as victim3 GET /api/v1/session
expect_eq "passwd from the CLI ends the user's sessions (as it says)" "$code" 401

section "edge"
# --- 7. oversized and malformed ---------------------------------------------------------
# problem NAME WANT METHOD PATH CURL_ARGS...: status, problem+json, "status".
problem() {
	local name=$1 want=$2; shift 2
	as staff "$@"
	local ct=$H_CT
	if [ "$code" = "$want" ] && [ "$ct" = application/problem+json ] &&
	    grep -q "\"status\":$want[,}]" "$T/body"; then ok "edge: $name: $want"
	else notok "edge: $name: $want" "got $code, $ct: $(head -c 300 "$T/body")"; fi
}
W=(-H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[staff]}")
"$PY" -c 'print("{\"type\":\"discretion\",\"reason\":\"" + "a" * 70000 + "\"}")' >"$T/big.json"
problem "JSON body over 64 KiB" 413 POST /api/v1/relief "${W[@]}" "${JSON[@]}" --data-binary @"$T/big.json"
head -c 2000000 /dev/zero | tr '\0' a >"$T/huge"
problem "body of 2 MB" 413 POST /api/v1/relief "${W[@]}" "${JSON[@]}" --data-binary @"$T/huge"
problem "body on a GET route" 413 GET /api/v1/shipments --data-binary 'x=1'
problem "body on a form-less POST (sign-out)" 413 DELETE /api/v1/session "${W[@]}" --data-binary 'x'
as staff GET /api/v1/session
expect_eq "edge: ... the session was not ended" "$code" 200
REL='{"type":"discretion","from":"2026-02-02","to":"2026-02-03","reason":"edge"}'
problem "text/plain on a JSON route" 415 POST /api/v1/relief "${W[@]}" -H "Content-Type: text/plain" --data-binary "$REL"
problem "form on a JSON route" 415 POST /api/v1/relief "${W[@]}" "${FORM[@]}" --data-binary "$REL"
problem "application/jsonx" 415 POST /api/v1/relief "${W[@]}" -H "Content-Type: application/jsonx" --data-binary "$REL"
problem "no Content-Type" 415 POST /api/v1/relief "${W[@]}" -H "Content-Type:" --data-binary "$REL"
problem "malformed JSON" 400 POST /api/v1/relief "${W[@]}" "${JSON[@]}" --data-binary '{"type":"discretion",'
expect_grep "edge: malformed JSON: the detail says where" "$T/body" '"detail":"body, column [0-9]+: '
problem "JSON with a bad token" 400 POST /api/v1/relief "${W[@]}" "${JSON[@]}" --data-binary '{"type":discretion}'
expect_grep "edge: bad token: column 9" "$T/body" '"detail":"body, column 9: '
problem "JSON with an undeclared field" 400 POST /api/v1/relief "${W[@]}" "${JSON[@]}" \
    --data-binary '{"type":"discretion","from":"2026-02-02","to":"2026-02-03","reason":"x","admin":true}'
expect_grep "edge: undeclared field: named" "$T/body" 'admin'
problem "JSON with a field twice" 400 POST /api/v1/relief "${W[@]}" "${JSON[@]}" \
    --data-binary '{"type":"discretion","type":"extension","from":"2026-02-02","to":"2026-02-03","reason":"x"}'
problem "JSON array body" 400 POST /api/v1/relief "${W[@]}" "${JSON[@]}" --data-binary "[$REL]"
problem "two JSON objects" 400 POST /api/v1/relief "${W[@]}" "${JSON[@]}" --data-binary "$REL$REL"
problem "JSON missing a required field" 400 POST /api/v1/relief "${W[@]}" "${JSON[@]}" \
    --data-binary '{"type":"discretion","from":"2026-02-02","to":"2026-02-03"}'
problem "JSON field of a bad value" 400 POST /api/v1/relief "${W[@]}" "${JSON[@]}" \
    --data-binary '{"type":"forever","from":"2026-02-02","to":"2026-02-03","reason":"x"}'
problem "duplicate query parameter" 400 GET "/api/v1/shipments?limit=2&limit=3"
expect_grep "edge: duplicate: said" "$T/body" 'given twice'
problem "undeclared query parameter" 400 GET "/api/v1/shipments?debug=1"
problem "limit=0" 400 GET "/api/v1/shipments?limit=0"
problem "limit=abc" 400 GET "/api/v1/shipments?limit=abc"
problem "limit=501" 400 GET "/api/v1/shipments?limit=501"
problem "limit=-1" 400 GET "/api/v1/shipments?limit=-1"
problem "status=bogus" 400 GET "/api/v1/shipments?status=bogus"
problem "cursor not ours" 400 GET "/api/v1/shipments?cursor=zz"
problem "as_of not a date" 400 GET "/api/v1/deadlines?as_of=2026-02-30"
problem "query on a route without parameters" 400 GET "/api/v1/dashboard?x=1"
problem "%00 in a path parameter" 400 GET "/api/v1/shipments/HL26%00x"
problem "bad escape" 400 GET "/api/v1/shipments/HL26%zz"
problem "'..' in a path" 400 GET "/api/v1/shipments/../users"
problem "'.' in a path" 400 GET "/api/v1/./shipments"
problem "empty segment" 400 GET "/api/v1//shipments"
long=$(head -c 3200 /dev/zero | tr '\0' a)
as staff GET "/api/v1/shipments?q=$long"
case "$code" in 414|400) ok "edge: URL over 3 KiB: $code" ;; *) notok "edge: URL over 3 KiB: 414 or 400" "got $code" ;; esac
problem "unknown route" 404 GET /api/v1/nope
problem "unknown route, API prefix only" 404 GET /api/v2/shipments
problem "a literal segment escaped" 404 GET /api/v1/%73hipments
problem "unknown ref" 404 GET /api/v1/shipments/NO-SUCH-REF
problem "wrong method" 405 PUT /api/v1/shipments

section "API"
# --- 8. the API ------------------------------------------------------------------------------
as staff GET /api/v1/shipments
cp "$T/body" "$T/all.json"
if "$PY" - "$T/all.json" "$N_ALL" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["shipments"]
assert d["next"] is None, d["next"]
assert len(s) == int(sys.argv[2]), len(s)
for x in s:
    assert x["ref"] and x["importer_number"] and x["status"], x
refs = [x["ref"] for x in s]
assert refs == sorted(refs), "not in ref order"
PY
then ok "api: shipments: every one, with ref, importer_number, status, in order"
else notok "api: shipments: every one, with ref, importer_number, status, in order" "$(head -c 300 "$T/all.json")"; fi
as staff GET "/api/v1/shipments?limit=2"
cp "$T/body" "$T/p1.json"
next=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["next"] or "")' "$T/p1.json")
if [ -n "$next" ]; then ok "api: limit=2 gives next"; else notok "api: limit=2 gives next" "$(cat "$T/p1.json")"; fi
as staff GET "/api/v1/shipments?limit=2&cursor=$next"
cp "$T/body" "$T/p2.json"
if "$PY" - "$T/all.json" "$T/p1.json" "$T/p2.json" <<'PY'
import json, sys
a, p1, p2 = ([x["ref"] for x in json.load(open(f))["shipments"]] for f in sys.argv[1:])
assert p1 == a[0:2] and p2 == a[2:4], (p1, p2, a[:4])
PY
then ok "api: the next page: the next 2 refs, in order, no overlap"
else notok "api: the next page: the next 2 refs, in order, no overlap" "$(cat "$T/p1.json" "$T/p2.json" | head -c 400)"; fi
# Every page of 7: the whole list once.
cur=""; : >"$T/pages"; np=0
while [ "$np" -lt 30 ]; do
	as staff GET "/api/v1/shipments?limit=7${cur:+&cursor=$cur}"
	grep -o '"ref":"[^"]*"' "$T/body" >>"$T/pages"
	cur=$(sed -n 's/.*"next":"\([0-9a-f]*\)"}$/\1/p' "$T/body")
	np=$((np + 1))
	[ -z "$cur" ] && break
done
expect_eq "api: pages of 7 cover the list once" "$(sort "$T/pages" | uniq | wc -l) $(wc -l <"$T/pages")" "$N_ALL $N_ALL"
client_only() {	# NAME: every item in $T/body of importer A, and how many
	if "$PY" - "$T/body" "$IMP_A" "$N_A" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["shipments"]
assert all(x["importer_number"] == sys.argv[2] for x in s), [x["importer_number"] for x in s]
assert len(s) == int(sys.argv[3]), len(s)
PY
	then ok "api: client: $1"; else notok "api: client: $1" "$(head -c 300 "$T/body")"; fi
}
as client GET /api/v1/shipments
client_only "only its importer's shipments, all of them"
as client GET "/api/v1/shipments?importer=$IMP_B"
client_only "?importer=another: still only its own"
as staff GET "/api/v1/shipments?importer=$IMP_B"
if "$PY" -c 'import json,sys; s=json.load(open(sys.argv[1]))["shipments"]; assert s and all(x["importer_number"]==sys.argv[2] for x in s)' "$T/body" "$IMP_B"
then ok "api: staff: ?importer= filters"; else notok "api: staff: ?importer= filters" "$(head -c 300 "$T/body")"; fi
as staff GET "/api/v1/shipments?status=expected"
if "$PY" -c 'import json,sys; s=json.load(open(sys.argv[1]))["shipments"]; assert s and all(x["status"]=="expected" for x in s)' "$T/body"
then ok "api: ?status= filters"; else notok "api: ?status= filters" "$(head -c 300 "$T/body")"; fi
as client GET /api/v1/deadlines
if "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1]))["deadlines"]; assert all(x.get("importer_number")==sys.argv[2] for x in d)' "$T/body" "$IMP_A"
then ok "api: client: deadlines only of its importer"; else notok "api: client: deadlines only of its importer" "$(head -c 300 "$T/body")"; fi
as client GET "/api/v1/deadlines?importer=$IMP_B"
if "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1]))["deadlines"]; assert all(x.get("importer_number")==sys.argv[2] for x in d)' "$T/body" "$IMP_A"
then ok "api: client: deadlines ?importer=another: still its own"; else notok "api: client: deadlines ?importer=another: still its own" "$(head -c 300 "$T/body")"; fi
as staff GET "/api/v1/shipments/$REF_A"
if [ "$code" = 200 ] && "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["shipment"]["ref"]==sys.argv[2] and isinstance(d["lines"], list)' "$T/body" "$REF_A"
then ok "api: one shipment with its lines"; else notok "api: one shipment with its lines" "$code $(head -c 300 "$T/body")"; fi
as staff GET /api/v1/shipments/HL99-999999
expect_eq "api: unknown ref: 404" "$code" 404
for w in staff client; do
	as "$w" GET "/api/v1/shipments/$SLASH_E"
	if [ "$code" = 200 ] && grep -qF "\"ref\":\"$SLASH\"" "$T/body"; then ok "api: a ref with '/' as %2F ($w)"
	else notok "api: a ref with '/' as %2F ($w)" "$code $(head -c 300 "$T/body")"; fi
done
as staff GET "/api/v1/shipments/$SLASH"
expect_eq "api: the same ref with a raw '/' is another path" "$code" 404
take_free; D=$REF
as staff POST "/api/v1/shipments/$D/entry" "${W[@]}" "${JSON[@]}" --data-binary '{}'
expect_eq "api: draw refused while the pack cannot be made: 422" "$code" 422
expect_grep "... naming what is missing" "$T/body" 'the entry type is missing'
as staff POST "/api/v1/shipments/$D/entry" "${W[@]}" "${JSON[@]}" --data-binary '{"anyway":true}'
num=$(sed -n 's/.*"entry_number":"\([^"]*\)".*/\1/p' "$T/body")
expect_eq "api: draw a number: 201" "$code" 201
expect_grep "api: draw: the number's form" <(echo "$num") '^[A-Z0-9]{3}-[0-9]{7}-[0-9]$'
expect_eq "api: draw: the check digit" "$num" "$(num "${num:0:3}" "${num:4:7}")"
as staff GET "/api/v1/shipments/$D"
expect_grep "api: draw: the shipment has it" "$T/body" "\"entry_number\":\"$num\""
as staff POST "/api/v1/shipments/$D/entry" "${W[@]}" "${JSON[@]}" --data-binary '{}'
expect_eq "api: draw twice: 409" "$code" 409
as staff POST "/api/v1/shipments/HL99-999999/entry" "${W[@]}" "${JSON[@]}" --data-binary '{}'
expect_eq "api: draw for an unknown ref: 404" "$code" 404
as staff POST "/api/v1/shipments/$D/entry" "${W[@]}" "${JSON[@]}" --data-binary '{"filer":"Z"}'
expect_eq "api: draw with a bad filer: 4xx" "${code:0:1}" 4
as staff POST "/api/v1/shipments/$SLASH_E/entry" "${W[@]}" "${JSON[@]}" --data-binary '{"anyway":true}'
expect_eq "api: draw for the ref with '/'" "$code" 201
as staff GET "/api/v1/shipments/$D/pack"
case "$code" in
200)
	ok "api: pack: 200"
	expect_eq "api: pack: application/pdf" "$H_CT" application/pdf
	expect_eq "api: pack: starts %PDF" "$(head -c 4 "$T/body")" "%PDF"
	expect_grep "api: pack: an attachment" "$T/hdr" '^Content-Disposition: attachment; filename="pack-'
	if pdftotext "$T/body" "$T/pack.txt" 2>/dev/null && grep -qF "$num" "$T/pack.txt"; then
		ok "api: pack: names the entry number"
	else notok "api: pack: names the entry number" "$(head -c 300 "$T/pack.txt" 2>/dev/null)"; fi ;;
422)
	if grep -q '"detail":"[^"]' "$T/body"; then ok "api: pack: 422 names what is missing"
	else notok "api: pack: 422 names what is missing" "$(cat "$T/body")"; fi ;;
*) notok "api: pack: 200 or 422" "got $code: $(head -c 300 "$T/body")" ;;
esac
if [ -n "$PACK_REF" ]; then
	as auditor GET "/api/v1/shipments/$PACK_REF/pack"
	if [ "$code" = 200 ] && [ "$H_CT" = application/pdf ] && [ "$(head -c 5 "$T/body")" = "%PDF-" ] &&
	    pdftotext "$T/body" - 2>/dev/null | grep -qF "$PACK_REF"; then
		ok "api: pack of a shipment with entry number and type: a PDF naming it"
	else notok "api: pack of a shipment with entry number and type: a PDF naming it" "$code $H_CT $(head -c 200 "$T/body")"; fi
else ok "api: pack PDF # SKIP no shipment in the demo has an entry number and type and no release"; fi
as staff GET "/api/v1/shipments/HL99-999999/pack"
expect_eq "api: pack of an unknown ref: 404" "$code" 404
jcheck() {	# WHO PATH KEY: 200, application/json, an object with KEY
	as "$1" GET "$2"
	if [ "$code" = 200 ] && [ "$H_CT" = application/json ] &&
	    "$PY" -c 'import json,sys; assert sys.argv[2] in json.load(open(sys.argv[1]))' "$T/body" "$3" 2>/dev/null
	then ok "api: $2 as $1: JSON with $3"; else notok "api: $2 as $1: JSON with $3" "$code $(head -c 300 "$T/body")"; fi
}
jcheck staff /api/v1/dashboard status
jcheck staff /api/v1/deadlines deadlines
jcheck staff "/api/v1/deadlines?at_risk=true&limit=3" deadlines
jcheck staff /api/v1/entries blocks
jcheck staff /api/v1/recovery tasks
jcheck staff /api/v1/relief relief
jcheck admin /api/v1/users users
jcheck auditor /api/v1/dashboard recovery
as staff POST /api/v1/relief "${W[@]}" -H "Content-Type: application/json; charset=utf-8" \
    --data-binary '{"type":"extension","from":"2026-03-02","to":"2026-03-06","days":5,"reason":"web test relief","reference":"CSMS 1"}'
rid=$(sed -n 's/^{"id":"\([^"]*\)"}$/\1/p' "$T/body")
expect_eq "api: relief add: 201 with an id" "$code:${rid:+y}" "201:y"
as staff GET /api/v1/relief
if "$PY" -c 'import json,sys; r=[x for x in json.load(open(sys.argv[1]))["relief"] if x["id"]==sys.argv[2]]; assert r and r[0]["reason"]=="web test relief" and r[0]["days"]==5 and r[0]["type"]=="extension"' "$T/body" "$rid"
then ok "api: relief: the new one listed"; else notok "api: relief: the new one listed" "$(head -c 400 "$T/body")"; fi
as staff POST /api/v1/relief "${W[@]}" "${JSON[@]}" \
    --data-binary '{"type":"discretion","from":"2026-03-06","to":"2026-03-02","reason":"backwards"}'
expect_eq "api: relief with to before from: 422" "$code" 422
# Voiding a number, the enforcement-discretion attachment.
num=$(lb entry next --filer "$(lb entry blocks | awk 'NR == 2 { print $1 }')")
as staff POST "/api/v1/entries/$num/void" "${W[@]}" "${JSON[@]}" --data-binary '{}'
expect_eq "api: void without a reason: 400" "$code" 400
as staff POST "/api/v1/entries/$num/void" "${W[@]}" "${JSON[@]}" --data-binary '{"reason":"keyed twice"}'
expect_eq "api: void a drawn number: 204" "$code" 204
expect_eq "... recorded as void, by web:ustaff" "$(sqlite3 "$V/vault.db" "SELECT state || ' ' || actor FROM entry_use WHERE number = '$num'")" "void web:ustaff"
as staff POST "/api/v1/entries/$num/void" "${W[@]}" "${JSON[@]}" --data-binary '{"reason":"again"}'
expect_eq "api: void it twice: 409" "$code" 409
as staff GET "/api/v1/recovery/attachment/$ENTRY_REL"
expect_eq "api: attachment with no discretion covering it: 422" "$code" 422
as staff POST /api/v1/relief "${W[@]}" "${JSON[@]}" \
    --data-binary '{"type":"discretion","from":"2026-01-01","to":"2027-12-31","reason":"ACE outage at the broker","reference":"CSMS 99","approved_by":"CBP Office of Trade"}'
expect_eq "api: a discretion covering it: 201" "$code" 201
as auditor GET "/api/v1/recovery/attachment/$ENTRY_REL"
expect_eq "api: the attachment as the auditor: 200" "$code:$(head -c 4 "$T/body")" "200:%PDF"
expect_grep "... a download named for the entry" "$T/hdr" "^Content-Disposition: attachment; filename=\"attachment-$ENTRY_REL.pdf\""
# Nobody disables their own account (no lock-out by a slip).
as admin POST /api/v1/users/uadmin/disable -H "Origin: $ORIGIN" -H "X-CSRF-Token: ${CSRF[admin]}" "${JSON[@]}" --data-binary '{}'
expect_eq "api: an admin cannot disable itself: 409" "$code" 409
expect_grep "... and says so" "$T/body" "you cannot disable your own account"
# The recovery queue a page at a time.
as staff GET /api/v1/recovery
nall=$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["tasks"]))' "$T/body")
as staff GET "/api/v1/recovery?limit=2"
p1=$("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["tasks"]), d["next"])' "$T/body")
expect_eq "api: recovery limit=2: two tasks and a cursor" "$p1" "2 2"
as staff GET "/api/v1/recovery?limit=2&cursor=$((nall - 1))"
p2=$("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["tasks"]), d["next"])' "$T/body")
expect_eq "api: recovery: the last page has the last task and no cursor" "$p2" "1 None"
as staff GET "/api/v1/recovery?cursor=x1"
expect_eq "api: recovery: a cursor not ours: 400" "$code" 400
# Incident clocks, settings, the checkpoint, verification.
as staff POST /api/v1/clocks/soc-notice/start "${W[@]}" "${JSON[@]}" \
    --data-binary '{"at":"2026-11-20T08:00:00Z","note":"web test"}'
expect_eq "api: clock start: 204" "$code" 204
as staff POST /api/v1/clocks/soc-notice/start "${W[@]}" "${JSON[@]}" --data-binary '{}'
expect_eq "api: clock started twice: 409" "$code" 409
as staff POST /api/v1/clocks/soc-notice/stop "${W[@]}" "${JSON[@]}" --data-binary '{"at":"2026-11-19T08:00:00Z"}'
expect_eq "api: clock stopped before its start: 409" "$code" 409
as staff POST /api/v1/clocks/soc-notice/stop "${W[@]}" "${JSON[@]}" --data-binary '{"at":"soon"}'
expect_eq "api: clock stop with a bad time: 400" "$code" 400
as staff POST /api/v1/clocks/soc-notice/stop "${W[@]}" "${JSON[@]}" --data-binary '{"at":"2026-11-21T09:30:00Z"}'
expect_eq "api: clock stop: 204" "$code" 204
as auditor GET /api/v1/clocks
if "$PY" -c 'import json,sys; c=json.load(open(sys.argv[1]))["clocks"]; assert c == [{"name":"soc-notice","started":"2026-11-20T08:00:00Z","stopped":"2026-11-21T09:30:00Z","note":"web test"}], c' "$T/body"
then ok "api: clocks: started and stopped as given"; else notok "api: clocks: started and stopped as given" "$(head -c 400 "$T/body")"; fi
as staff GET /api/v1/settings
if "$PY" -c 'import json,sys; s={x["name"]:x for x in json.load(open(sys.argv[1]))["settings"]}; assert s["login_failures_per_hour"]["value"]==100 and s["stale_hours"]["min"]==1, s' "$T/body"
then ok "api: settings with values and ranges"; else notok "api: settings with values and ranges" "$(head -c 400 "$T/body")"; fi
as staff GET /api/v1/journal/checkpoint
cp_web=$(sed -n 's/^{"checkpoint":"\([0-9]*:[0-9a-f]*\)".*/\1/p' "$T/body")
cp_cli=$(lb journal checkpoint 2>/dev/null)
expect_eq "api: checkpoint is the CLI's" "$cp_web" "$cp_cli"
as auditor GET /api/v1/verify
if "$PY" -c 'import json,sys; v=json.load(open(sys.argv[1])); assert v["ok"] is True and v["problems"]==0 and v["rows"]>0, v' "$T/body"
then ok "api: verify as the auditor: ok"; else notok "api: verify as the auditor: ok" "$(head -c 400 "$T/body")"; fi
as staff POST "/api/v1/recovery/$D/release" "${W[@]}" "${JSON[@]}" --data-binary '{"state":"transmitted"}'
expect_eq "api: recovery mark of the drawn shipment: 204" "$code" 204
as staff GET "/api/v1/recovery?state=transmitted"
if "$PY" -c 'import json,sys; t=json.load(open(sys.argv[1]))["tasks"]; assert any(x["ref"]==sys.argv[2] and x["task"]=="release" and x["actor"]=="web:ustaff" for x in t)' "$T/body" "$D"
then ok "api: recovery: shows as transmitted, by web:ustaff"; else notok "api: recovery: shows as transmitted, by web:ustaff" "$(head -c 400 "$T/body")"; fi
as staff POST "/api/v1/recovery/$D/summary" "${W[@]}" "${JSON[@]}" --data-binary '{"state":"rejected"}'
expect_eq "api: recovery: rejected without a reason: 409" "$code" 409
as staff POST "/api/v1/recovery/$D/bogus" "${W[@]}" "${JSON[@]}" --data-binary '{"state":"transmitted"}'
expect_eq "api: recovery: unknown task: 400" "$code" 400
take_free
as staff POST "/api/v1/recovery/$REF/release" "${W[@]}" "${JSON[@]}" --data-binary '{"state":"transmitted"}'
expect_eq "api: recovery: a shipment without a number: 409" "$code" 409

# Metrics: routes that share a path (GET, POST and DELETE /api/v1/session
# were all used above) are told apart by method, so no series repeats.
as anon GET /metrics
dups=$(grep -v '^#' "$T/body" | sed 's/ [^ ]*$//' | sort | uniq -d)
expect_eq "metrics: no series twice" "$dups" ""
expect_grep "metrics: sign-ins counted by method" "$T/body" '^lifeboat_http_requests_total\{route="/api/v1/session",method="POST",status="200"\} [0-9]+$'
expect_grep "metrics: sign-outs counted apart" "$T/body" '^lifeboat_http_requests_total\{route="/api/v1/session",method="DELETE",status="204"\} [0-9]+$'

section "pages (issue 9)"
# What the pages show, from the demo feed (never from vault.db).
eval "$("$PY" - "$V/demo-feed/shipments.csv" "$V/demo-feed/clients.csv" "$IMP_A" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
clients = {r["importer_number"]: r["name"] for r in csv.DictReader(open(sys.argv[2]))}
rel = next(r["ref"] for r in rows if r["entry_number"] and r["status"] == "released")
truck = next((r["ref"] for r in rows if r["mode"] in ("30", "31") and r["driver_name"]), "")
word = clients[sys.argv[3]].split()[0].lower()
n_word = sum(1 for r in rows if word in clients.get(r["importer_number"], "").lower()
             or word in r["ref"].lower() or word in r["entry_number"].lower()
             or word in r["bill"].lower())
# The shipment HL26/S1 added above is importer A's too.
print(f"REL_REF={rel} TRUCK_REF={truck} NAME_WORD={word} N_WORD={n_word + 1}")
print(f"NAME_A='{clients[sys.argv[3]]}'")
PY
)"
HTML=(-H "Accept: text/html")
nocli() {	# NAME: no command line, setting or column name in $T/body
	local hits
	# The text people read: tags (ids, names of fields) aside.
	hits=$(sed 's/<[^>]*>/ /g' "$T/body" | grep -oE 'lifeboat [a-z]+ |--[a-z-]{3,}|[a-z]+_[a-z_]+|X-CSRF|CSRF' | sort -u | tr '\n' ' ')
	expect_eq "$1: no command line, setting or column name" "$hits" ""
}
as staff GET /no-such-page "${HTML[@]}"
expect_eq "404 page for a person" "$code" 404
expect_grep "404 page keeps the navigation" "$T/body" 'nav aria-label="Main"'
expect_grep "404 page says what happened in words" "$T/body" '<h1>Page not found</h1>'
expect_grep "404 page links back" "$T/body" 'id="back" href="/"'
nocli "404 page"
as staff GET '/deadlines?as_of=2026-13-01' "${HTML[@]}"
expect_eq "400 page" "$code" 400
expect_grep "400 page keeps the navigation" "$T/body" 'nav aria-label="Main"'
expect_grep "400 page names the field as the form does" "$T/body" '&#8220;As of&#8221;|“As of”'
expect_grep "400 page links back to the deadlines" "$T/body" 'id="back" href="/deadlines"'
nocli "400 page"
take_free; STALE=$REF
as staff POST "/shipments/$STALE/entry" -H "Origin: $ORIGIN" "${FORM[@]}" --data-urlencode "csrf=00112233445566778899aabbccddeeff" --data-urlencode "entry_type=1"
expect_eq "a form of an older session: 403" "$code" 403
expect_grep "... says the form has expired" "$T/body" '<h1>This form has expired</h1>'
expect_grep "... links back to the shipment" "$T/body" "id=\"back\" href=\"/shipments/$STALE\""
expect_grep "... keeps the navigation" "$T/body" 'nav aria-label="Main"'
nocli "stale form page"
as client GET /recovery "${HTML[@]}"
expect_eq "403 page for a client" "$code" 403
expect_grep "403 page says so in words" "$T/body" '<h1>Not available to you</h1>'
expect_grep "403 page keeps the navigation" "$T/body" 'nav aria-label="Main"'
LOWER=${REF_B,,}
as staff GET "/shipments?q=$LOWER"
expect_grep "search is case-insensitive ($LOWER)" "$T/body" "href=\"/shipments/$REF_B\""
expect_grep "... and counts what matched" "$T/body" 'id="count"[^>]*>1 shipment matches'
as staff GET "/shipments?q=$NAME_WORD&limit=500"
expect_grep "search finds an importer's name ($NAME_WORD)" "$T/body" "$IMP_A"
expect_grep "... with the count of every match ($N_WORD)" "$T/body" "id=\"count\"[^>]*>$N_WORD shipments? match"
expect_grep "lists show the importer's name beside its number" "$T/body" "<span class=\"imp-name\">$NAME_A</span>"
as staff GET "/shipments?q=%25"
expect_grep "a search for % is for the character, not a wildcard" "$T/body" 'id="count"[^>]*>0 shipments match'
as staff GET "/shipments?q=_"
expect_grep "... and so is _" "$T/body" 'id="count"[^>]*>0 shipments match'
as staff GET "/shipments?importer=$NAME_WORD"
expect_eq "a name in the importer field is not a 400" "$code" 200
expect_grep "... it is searched as a name" "$T/body" 'id="importer-note"'
as staff GET "/shipments?no_entry=true"
expect_eq "filter: waiting for an entry number" "$code" 200
expect_grep "... every row without one" "$T/body" '<td>none yet</td>'
as staff GET "/shipments/$REL_REF"
expect_grep "released shipment: no pack link" "$T/body" 'id="no-pack"'
expect_eq "... and no #pack" "$(grep -c 'id="pack"' "$T/body")" 0
nocli "released shipment page"
as staff GET "/shipments/$REL_REF/pack"
expect_eq "its pack is a 422 page" "$code" 422
expect_grep "... saying why in words" "$T/body" 'Already released'
nocli "refused pack page"
as staff GET "/shipments/$PACK_REF"
expect_grep "a shipment with an entry number: actions near the top" "$T/body" 'id="actions"'
if [ -n "$TRUCK_REF" ]; then
	as staff GET "/shipments/$TRUCK_REF"
	for f in driver_name driver_dob truck_plate ace_trip_number bond_type; do
		expect_grep "truck shipment page shows $f" "$T/body" "id=\"f-$f\">[^<n]"
	done
	expect_grep "... the client's contacts" "$T/body" 'id="contacts"'
	expect_grep "... its journal history" "$T/body" 'id="history"'
else
	notok "the demo has a truck shipment with a driver"
fi
take_free; DRAWN=$REF
as staff GET "/shipments/$DRAWN"
expect_grep "the draw form lets the user pick the filer code" "$T/body" '<select id="filer" name="filer">'
expect_eq "... every filer code with numbers left" "$(grep -c '<option value="[A-Z0-9]\{3\}">' "$T/body")" "$(lb entry blocks | awk 'NR > 1 { print $1 }' | sort -u | wc -l)"
expect_eq "entry types 35, 36, 37 have names of their own" "$(grep -oE '<option value="3[567]"[^>]*>[^<]*' "$T/body" | sed 's/.*>3[567] //' | sort -u | wc -l)" 3
as staff POST "/shipments/$DRAWN/entry" -H "Origin: $ORIGIN" "${FORM[@]}" --data-urlencode "csrf=${CSRF[staff]}" --data-urlencode "entry_type=1" --data-urlencode "anyway=true" --data-urlencode "filer=$(lb entry blocks | awk 'NR > 1 { print $1 }' | sort -u | tail -n1)"
expect_eq "draw with the filer chosen" "$code" 303
lb entry export >"$T/el" 2>&1
expect_grep "... the number has that filer code" "$T/el" "$(lb entry blocks | awk 'NR > 1 { print $1 }' | sort -u | tail -n1)-[0-9]{7}-[0-9].*$DRAWN"
as staff GET /deadlines
expect_grep "deadlines open on what needs action" "$T/body" 'Deadlines overdue and at risk, by due date'
expect_eq "... no met deadline among them" "$(grep -c 'state-met' "$T/body")" 0
expect_grep "staff see the exposure" "$T/body" '>Exposure<'
nocli "deadlines page"
as client GET /deadlines
expect_eq "a client may open its deadlines" "$code" 200
expect_eq "... without the damages estimates" "$(grep -c 'Exposure\|exposure' "$T/body")" 0
expect_eq "... only its own" "$(grep -oE '<span class="imp-no">[^<]+' "$T/body" | sort -u | grep -vc "$IMP_A")" 0
as client GET "/api/v1/deadlines?limit=1000"
expect_eq "the API gives a client its deadlines" "$code" 200
expect_eq "... every one without an estimate (the browser tests see staff's)" \
    "$(grep -o '"exposure":null' "$T/body" | wc -l)" "$(grep -o '"kind":' "$T/body" | wc -l)"
lb config set client_notice "Releases continue on paper <b>today</b>." >/dev/null
lb config set oob_contact "Maria, +1 956 555 0142" >/dev/null
as client GET /shipments
expect_grep "client portal: the client's own name" "$T/body" "<h2 id=\"portal-h\">$NAME_A</h2>"
expect_grep "client portal: the broker's notice, escaped" "$T/body" 'Releases continue on paper &lt;b&gt;today&lt;/b&gt;\.'
expect_grep "client portal: the broker's out-of-band contact" "$T/body" 'Maria, \+1 956 555 0142'
as staff GET /
nocli "dashboard"
expect_eq "every risk on the dashboard is a link" "$(grep -c '<li id="risk-' "$T/body")" "$(grep -c '<li id="risk-[a-z0-9_]*"><strong>.*<a href=' "$T/body")"
as staff GET '/employees?unreachable=true'
expect_eq "employees who cannot be reached" "$code" 200
as staff GET '/clients?poa=expired'
expect_eq "clients with an expired power of attorney" "$code" 200
as staff GET '/recovery?limit=1'
expect_grep "recovery queue is paged" "$T/body" 'id="next" href="/recovery\?cursor=1&amp;limit=1"'
as staff GET '/recovery?limit=1&cursor=1'
expect_grep "... its second page" "$T/body" 'Showing 2 to 2 of'
expect_grep "... importer names beside numbers" "$T/body" '<span class="imp-no">[^<]+</span> <span class="imp-name">[^<]+</span>'
as staff GET "/shipments/$D"
expect_grep "shipment page: journal history of a recovery mark" "$T/body" '<td>recovery mark</td>'
expect_grep "shipment page: its recovery tasks" "$T/body" 'id="ship-recovery"'

section "journal"
# --- 9. the journal ---------------------------------------------------------------------
# (the servers still run: the journal is read as they write it)
sqlite3 "$V/vault.db" "SELECT seq, ts, actor, action, subject, detail FROM journal ORDER BY seq" >"$T/journal"
jhas() { expect_grep "journal: $1" "$T/journal" "$2"; }
jhas "login.ok" '\|web:uadmin\|login\.ok\|uadmin\|\{\}$'
jhas "login.fail, wrong password" '\|login\.fail\|uthrottle\|\{"why":"wrong password"\}$'
jhas "login.fail, unknown user" '\|login\.fail\|nosuchuser\|\{"why":"unknown user"\}$'
jhas "login.fail, throttled" '\|login\.fail\|uthrottle\|\{"why":"throttled"\}$'
jhas "login.fail, disabled" '\|login\.fail\|victim1\|\{"why":"account disabled"\}$'
jhas "logout" '\|web:ustaff\|logout\|ustaff\|'
jhas "access.denied for a role" '\|web:uauditor\|access\.denied\|uauditor\|\{"why":"POST /api/v1/relief"\}$'
jhas "access.denied for another importer's shipment" "\|web:uclient\|access\.denied\|uclient\|\{\"why\":\"$REF_B\"\}\$"
jhas "user.disable from the web" '\|web:uadmin\|user\.disable\|victim1\|'
jhas "user.disable from the CLI" '\|os:[^|]+\|user\.disable\|victim2\|'
jhas "entry drawn from the web" "\|web:ustaff\|entry\.next\|"
jhas "matrix: the throwaway user disabled by the admin" '\|web:uadmin\|user\.disable\|throwaway\|'
jhas "matrix: ... and enabled" '\|web:uadmin\|user\.enable\|throwaway\|'
jhas "recovery.mark from the web" "\|web:ustaff\|recovery\.mark\|$D\|"

# Secrets: while the server runs (the WAL), then once it has stopped.
sort -u "$SECRETS" | grep -v '^$' >"$T/secrets.u"
for f in "$V"/vault.db*; do
	expect_eq "no secret in ${f##*/} while serving" "$(grep -acF -f "$T/secrets.u" "$f")" 0
done
kill -TERM "$main_PID"
wait "$main_PID"
expect_eq "main server: SIGTERM: exit 0" "$?" 0
expect_rc "the vault verifies after both servers" 0 lb verify
expect_rc "the journal verifies" 0 lb journal verify
cp "$T/out" "$T/jverify"
sort -u "$SECRETS" | grep -v '^$' >"$T/secrets.u"
echo "# $(wc -l <"$T/secrets.u") secrets (passwords, tokens, CSRF tokens) looked for"
sqlite3 "$V/vault.db" .dump >"$T/dump"
for f in journal jverify dump main.out main.err s2.out s2.err; do
	expect_eq "no secret in $f" "$(grep -acF -f "$T/secrets.u" "$T/$f")" 0
done
for f in "$V"/vault.db*; do
	expect_eq "no secret in ${f##*/}" "$(grep -acF -f "$T/secrets.u" "$f")" 0
done
expect_eq "no hash in the journal" "$(grep -c 'argon2' "$T/journal")" 0
section "end"
echo "1..$NT"
