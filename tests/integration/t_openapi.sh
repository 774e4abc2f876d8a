#!/usr/bin/env bash
# docs/openapi.json against the routes the server really has (lifeboat
# serve --routes): the same API and operations routes, each with the same
# methods, roles (x-roles), path and query parameters (name, where,
# required) and JSON body fields; a route added to one and not the other
# fails here.  The CSRF token is a header in the API (X-CSRF-Token), so the
# form field "csrf" the pages share is left out.
. "$(dirname "$0")/lib.sh"

"$LIFEBOAT" serve --routes >"$T/routes" 2>"$T/err"
expect_eq "serve --routes runs" "$?" 0

python3 - "$T/routes" "$LIFEBOAT_TOP/docs/openapi.json" <<'PYEOF'
import json, sys

routes = {}
for line in open(sys.argv[1]):
    method, path, roles, body, params = line.split()
    if not (path.startswith('/api/') or path in ('/livez', '/readyz', '/metrics')):
        continue
    ps = {}
    if params != '-':
        for p in params.split(','):
            f = p.split(':')
            if f[0] == 'csrf':
                continue
            ps[f[0]] = (f[1], len(f) > 3)
    routes[(method, path)] = (set(roles.split(',')), body, ps)

n = 0
def check(name, good, why=''):
    global n
    n += 1
    print(('ok - ' if good else 'not ok - ') + name)
    if not good:
        print('#   ' + why)

try:
    doc = json.load(open(sys.argv[2]))
except Exception as e:
    check('docs/openapi.json is JSON', False, str(e))
    sys.exit(0)
check('docs/openapi.json is OpenAPI 3.1', doc.get('openapi', '').startswith('3.1'),
      doc.get('openapi', 'no openapi field'))
ops = {}
for path, item in doc.get('paths', {}).items():
    for m, op in item.items():
        ops[(m.upper(), path)] = op
check('every route of the server is documented', set(routes) <= set(ops),
      'undocumented: %s' % sorted(set(routes) - set(ops)))
check('every documented route exists', set(ops) <= set(routes),
      'not in the server: %s' % sorted(set(ops) - set(routes)))
for key in sorted(set(routes) & set(ops)):
    roles, body, ps = routes[key]
    op = ops[key]
    name = '%s %s' % key
    check(name + ': roles', set(op.get('x-roles', [])) == roles,
          'server %s, doc %s' % (sorted(roles), sorted(op.get('x-roles', []))))
    public = 'public' in roles
    check(name + ': security', (op.get('security') == []) == public,
          'security %r for roles %s' % (op.get('security'), sorted(roles)))
    dp = {p['name']: (p['in'], bool(p.get('required'))) for p in op.get('parameters', [])}
    sp = {k: v for k, v in ps.items() if v[0] in ('path', 'query')}
    check(name + ': parameters', dp == sp, 'server %s, doc %s' % (sp, dp))
    sb = {k: v[1] for k, v in ps.items() if v[0] == 'body'}
    rb = op.get('requestBody')
    if body == 'json':
        sch = rb['content']['application/json']['schema'] if rb else {}
        db = {k: k in sch.get('required', []) for k in sch.get('properties', {})}
        check(name + ': JSON body fields', db == sb and sch.get('additionalProperties') is False,
              'server %s, doc %s' % (sb, db))
    else:
        check(name + ': no body', rb is None and not sb, 'doc has %r' % rb)
    check(name + ': problem+json errors',
          'application/problem+json' in op.get('responses', {}).get('default', {}).get('content', {}),
          'no default problem response')
PYEOF
