#!/usr/bin/env python3
"""Validate Frise timeline files against the JSON Schema.

Usage:
    python3 tests/schema_validate.py SCHEMA FILE... [--expect-invalid FILE...]
    python3 tests/schema_validate.py --expect-invalid SCHEMA FILE...

Files listed before --expect-invalid must validate; files listed after it
must be rejected (by the schema, or because they are not readable JSON).
--expect-valid switches back.  Each schema error is printed as

    FILE: PATH: message

where PATH is a JSON path such as events[7].start ("$" for the top level).

Exit status: 0 if every file behaved as expected, 1 otherwise, 2 on a usage
error or an unusable schema, 77 (the "skipped" status of CTest and Automake)
if the jsonschema module is not available.
"""

import json
import sys

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_SKIP = 0, 1, 2, 77

USAGE = ("usage: schema_validate.py SCHEMA FILE... [--expect-invalid FILE...]\n"
         "       schema_validate.py --expect-invalid SCHEMA FILE...")


def json_path(parts):
    """Format a jsonschema path deque as events[7].start; "$" for the root."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += "[%d]" % part
        elif out:
            out += "." + str(part)
        else:
            out = str(part)
    return out or "$"


def describe(error):
    """A friendlier message for pattern errors on schemas with examples
    (Date, Colour, ...): 'expected a date such as "1956", ..., found "x"'."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    if (error.validator in ("pattern", "anyOf", "not") and isinstance(error.instance, str)
            and schema.get("title") and schema.get("examples")):
        examples = ", ".join(json.dumps(x, ensure_ascii=False)
                             for x in schema["examples"][:3])
        what = schema["title"].lower()
        return "expected %s %s such as %s, found %s" % (
            "an" if what[0] in "aeiou" else "a", what, examples,
            json.dumps(error.instance, ensure_ascii=False))
    return error.message


def explain(error):
    """The error's message, plus the most specific reason for anyOf/oneOf."""
    message = describe(error)
    if message != error.message:
        return message
    if error.context:
        import jsonschema.exceptions
        # Prefer the branch whose type matched (for a Text given as an
        # object, report the bad language code, not "is not a string").
        context = [e for e in error.context if e.validator != "type"]
        best = jsonschema.exceptions.best_match(context or error.context)
        if best is not None:
            message += " (" + describe(best) + ")"
    return message


def load_json(path):
    with open(path, "r", encoding="utf-8") as f:
        return json.load(f)


def parse_args(argv):
    schema = None
    files = []  # (path, expect_valid)
    expect_valid = True
    for arg in argv:
        if arg == "--expect-invalid":
            expect_valid = False
        elif arg == "--expect-valid":
            expect_valid = True
        elif arg in ("-h", "--help"):
            print(__doc__.strip())
            sys.exit(EXIT_OK)
        elif arg.startswith("--"):
            raise ValueError("unknown option " + arg)
        elif schema is None:
            schema = arg
        else:
            files.append((arg, expect_valid))
    if schema is None or not files:
        raise ValueError("need a schema and at least one file")
    return schema, files


def main(argv):
    try:
        schema_path, files = parse_args(argv)
    except ValueError as e:
        print("schema_validate.py: %s\n%s" % (e, USAGE), file=sys.stderr)
        return EXIT_USAGE

    try:
        import jsonschema
        Validator = jsonschema.Draft202012Validator
    except (ImportError, AttributeError):
        print("schema_validate.py: SKIP: the Python jsonschema module (>= 4.0, "
              "with draft 2020-12 support) is not available; install "
              "python3-jsonschema", file=sys.stderr)
        return EXIT_SKIP

    try:
        schema = load_json(schema_path)
        Validator.check_schema(schema)
    except (OSError, ValueError) as e:
        print("%s: cannot read schema: %s" % (schema_path, e), file=sys.stderr)
        return EXIT_USAGE
    except jsonschema.exceptions.SchemaError as e:
        print("%s: %s: invalid schema: %s"
              % (schema_path, json_path(e.absolute_path), e.message), file=sys.stderr)
        return EXIT_USAGE

    validator = Validator(schema)
    failures = 0
    for path, expect_valid in files:
        try:
            instance = load_json(path)
        except (OSError, ValueError) as e:  # JSONDecodeError, UnicodeDecodeError
            errors = [("$", "not a readable JSON file: %s" % e)]
        else:
            errors = [(json_path(err.absolute_path), explain(err))
                      for err in validator.iter_errors(instance)]
            errors.sort()

        if expect_valid:
            for where, message in errors:
                print("%s: %s: %s" % (path, where, message))
            if errors:
                failures += 1
            else:
                print("%s: valid" % path)
        else:
            if errors:
                where, message = errors[0]
                print("%s: rejected as expected (%d error%s; first: %s: %s)"
                      % (path, len(errors), "" if len(errors) == 1 else "s",
                         where, message))
            else:
                print("%s: $: expected to be rejected, but it is valid" % path)
                failures += 1

    return EXIT_FAIL if failures else EXIT_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
