# bash completion for oapgraph: commands and options as the program's own --help lists
# them, asked of the oapgraph being completed, so that the two cannot drift apart.
# Installed as share/bash-completion/completions/oapgraph; or: source oapgraph.bash

# The commands: the names under "commands:" in `oapgraph --help`.
_oapgraph_commands() {
    "$1" --help 2>/dev/null | sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z-]*\)  *.*/\1/p'
}

# The options of a command: under "options:" in `oapgraph COMMAND --help`, each line
# that starts with a name ("  --format FORMAT", "  -q, --quiet", "  -o DIR"): the long
# name where there is one, else the short one.
_oapgraph_options() {
    "$1" "$2" --help 2>/dev/null | sed -n '/^options:$/,/^$/{
        s/^  -[A-Za-z], \(--[a-z][a-z-]*\).*/\1/p
        t
        s/^  \(--[a-z][a-z-]*\).*/\1/p
        t
        s/^  \(-[A-Za-z]\)\( .*\)\{0,1\}$/\1/p
    }'
}

# The value an option of the command takes, as its help names it ("--color WHEN",
# "-T FORMAT"); nothing for an option without one.
_oapgraph_value() {
    "$1" "$2" --help 2>/dev/null | sed -n '/^options:$/,/^$/{
        s/^  \(-[A-Za-z], \)\{0,1\}'"$3"' \([A-Z][A-Z]*\) .*/\2/p
    }' | head -n 1
}

_oapgraph() {
    local prog=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} cmd="" i
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        -*) ;;
        *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [ -z "$cmd" ]; then
        if [[ $cur == -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W '--help --version -V' -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "$(_oapgraph_commands "$prog")" -- "$cur")
        fi
        return 0
    fi
    local prev=${COMP_WORDS[COMP_CWORD - 1]}
    if [[ $prev == -* && $COMP_CWORD -gt $((i + 1)) ]]; then
        case $(_oapgraph_value "$prog" "$cmd" "$prev") in
        WHEN) mapfile -t COMPREPLY < <(compgen -W 'auto always never' -- "$cur"); return 0 ;;
        LEVEL) mapfile -t COMPREPLY < <(compgen -W 'error warning info none' -- "$cur"); return 0 ;;
        RULE) mapfile -t COMPREPLY < <(compgen -W "$("$prog" rules 2>/dev/null | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')" -- "$cur"); return 0 ;;
        FILE | DIR) ;;
        '') ;;
        *) return 0 ;; # a name, a number, a format: nothing to offer but what is typed
        esac
    fi
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_oapgraph_options "$prog" "$cmd")" -- "$cur")
        return 0
    fi
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

complete -F _oapgraph oapgraph
