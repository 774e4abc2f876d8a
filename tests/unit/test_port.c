/*
 * test_port.c: the port table (port.c, from data/ports.tsv): every port of
 * the demonstration brokerage is there with its name, codes are unique and
 * sorted (the lookup is a binary search), every entry is complete, and
 * codes that are not in it, or not codes at all, find nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "port.h"

static const struct {
	const char	*code, *name, *state;
	int		 has_address;
} known[] = {
	/* The demonstration brokerage's ports (demo.c, BROKER_PORTS). */
	{ "2704", "Los Angeles", "CA", 1 },
	{ "2709", "Long Beach", "CA", 1 },
	{ "2720", "Los Angeles International Airport", "CA", 1 },
	{ "1001", "New York", "NY", 1 },
	{ "4701", "John F. Kennedy International Airport", "NY", 1 },
	{ "5301", "Houston", "TX", 1 },
	{ "2304", "Laredo", "TX", 0 },
	{ "3801", "Detroit", "MI", 1 },
	{ "3901", "Chicago", "IL", 0 },
	/* The first and last of the table, and others between. */
	{ "0101", "Portland", "ME", 0 },
	{ "5501", "Dallas-Fort Worth", "TX", 0 },
	{ "2402", "El Paso", "TX", 0 },
	{ "1703", "Savannah", "GA", 0 },
};

static void
test_known(void **state)
{
	const struct lb_port	*p;
	size_t			 i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		p = lb_port_find(known[i].code);
		if (p == NULL)
			fail_msg("port %s not found", known[i].code);
		assert_string_equal(p->code, known[i].code);
		assert_string_equal(p->name, known[i].name);
		assert_string_equal(p->state, known[i].state);
		assert_int_equal(p->address[0] != NULL, known[i].has_address);
	}
}

/* Only the first 4 characters are read: no NUL is needed after them. */
static void
test_four_characters(void **state)
{
	char	code[4];

	memcpy(code, "2304", 4);
	assert_non_null(lb_port_find(code));
	assert_string_equal(lb_port_find("23041")->code, "2304");
}

static void
test_unknown(void **state)
{
	static const char *const bad[] = {
		"0000", "9999", "2705", "270", "27", "", "ABCD", " 270",
		"2704"	+ 1,
	};
	size_t	i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (lb_port_find(bad[i]) != NULL)
			fail_msg("\"%s\" found", bad[i]);
	assert_null(lb_port_find(NULL));
}

/* Sorted and unique, so the binary search finds every one of them. */
static void
test_table(void **state)
{
	const struct lb_port	*all, *p;
	size_t			 n, i, j;

	all = lb_port_all(&n);
	assert_true(n >= 40);
	for (i = 0; i < n; i++) {
		p = &all[i];
		assert_int_equal(strlen(p->code), 4);
		assert_int_equal(strspn(p->code, "0123456789"), 4);
		if (i > 0 && strcmp(all[i - 1].code, p->code) >= 0)
			fail_msg("%s after %s", p->code, all[i - 1].code);
		assert_true(p->name[0] != '\0' && p->city[0] != '\0');
		assert_int_equal(strlen(p->state), 2);
		if (p->address[0] == NULL) {
			assert_null(p->address[1]);
			assert_int_equal(p->address_confirmed, 0);
		}
		assert_ptr_equal(lb_port_find(p->code), p);
		for (j = 0; p->address[0] != NULL && j < 2; j++)
			assert_true(p->address[j] == NULL ||
			    p->address[j][0] != '\0');
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known),
		cmocka_unit_test(test_four_characters),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
