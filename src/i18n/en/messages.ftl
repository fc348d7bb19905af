# General messages. Command-line help lives in help.ftl.

seminar-count =
    { $count ->
        [0] no seminars
        [one] { $count } seminar
       *[other] { $count } seminars
    }

## The words clap writes around --help

heading-usage = Usage:
heading-commands = Commands:
heading-arguments = Arguments:
heading-options = Options:
help-default = default:
help-possible-values = possible values:
help-possible-values-heading = Possible values:

## Usage errors from the command line (one line: "error: …; tip: …; see 'seminar help'")

usage-see-help = see 'seminar help'
usage-tip = tip:
usage-unknown-argument = unexpected argument '{ $arg }' found
usage-unknown-subcommand = unrecognized subcommand '{ $name }'
usage-missing-value = a value is required for '{ $arg }' but none was supplied
usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
usage-missing-arguments = the following required arguments were not provided: { $args }
usage-used-twice = the argument '{ $arg }' cannot be used multiple times
usage-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
usage-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
usage-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
usage-subcommands = subcommands:
usage-similar-subcommand = a similar subcommand exists: '{ $name }'
usage-similar-argument = a similar argument exists: '{ $name }'
usage-similar-value = a similar value exists: '{ $name }'
usage-pass-as-value = to pass '{ $arg }' as a value, use '{ $escaped }'

## Section titles of the manual pages (seminar man)

man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-subcommands = SUBCOMMANDS
man-extra = EXTRA
man-version = VERSION
man-wrote = Wrote the manual pages to { $dir }
