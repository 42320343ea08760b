// Owns `sheaf completion bash|zsh|fish`: the one table's subcommands, flags and choices, as each shell wants them.
import { commandNames, commandOf, type CommandName, type Shell } from './commands';

const flagsOf = (name: CommandName) => (commandOf(name).flags ?? []).map((f) => `--${f.name}`);
/** What may follow the subcommand: its flags, or the choices of its one word (the shells). */
const nextWords = (name: CommandName) => [...(commandOf(name).takes?.choices ?? []), ...flagsOf(name)];
/** Flags that take a value: after one of them nothing is offered, the person types the value. */
const valueFlags = (name: CommandName) =>
  (commandOf(name).flags ?? []).filter((f) => f.value).map((f) => `--${f.name}`);

const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function bash(): string {
  const cases = commandNames
    .map((name) => {
      const after = valueFlags(name);
      const guard = after.length > 0 ? `case "$prev" in ${after.join('|')}) return ;; esac; ` : '';
      return `    ${name}) ${guard}words="${nextWords(name).join(' ')}" ;;`;
    })
    .join('\n');
  return `# sheaf completion for bash: add  eval "$(sheaf completion bash)"  to ~/.bashrc
_sheaf() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} words
  COMPREPLY=()
  if [ "$COMP_CWORD" -eq 1 ]; then
    words="${commandNames.join(' ')}"
  else
    case "\${COMP_WORDS[1]}" in
${cases}
    *) words="" ;;
    esac
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _sheaf sheaf
`;
}

function zsh(): string {
  const described = commandNames.map((name) =>
    quoted(`${name}:${commandOf(name).help.replace(/:/g, '\\:')}`),
  );
  const cases = commandNames
    .map((name) => {
      const after = valueFlags(name);
      const guard = after.length > 0 ? `[[ \${words[CURRENT-1]} == (${after.join('|')}) ]] && return; ` : '';
      return `    ${name}) ${guard}compadd -- ${nextWords(name).join(' ')} ;;`;
    })
    .join('\n');
  return `#compdef sheaf
# sheaf completion for zsh: add  eval "$(sheaf completion zsh)"  to ~/.zshrc (after compinit)
_sheaf() {
  local -a subcommands
  subcommands=(
    ${described.join('\n    ')}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'sheaf command' subcommands
  else
    case $words[2] in
${cases}
    esac
  fi
}
compdef _sheaf sheaf
`;
}

function fish(): string {
  const lines = [
    '# sheaf completion for fish: sheaf completion fish > ~/.config/fish/completions/sheaf.fish',
    'complete -c sheaf -f',
    ...commandNames.map(
      (name) => `complete -c sheaf -n __fish_use_subcommand -a ${name} -d ${quoted(commandOf(name).help)}`,
    ),
  ];
  for (const name of commandNames) {
    const command = commandOf(name);
    const when = `-n "__fish_seen_subcommand_from ${name}"`;
    if (command.takes?.choices)
      lines.push(`complete -c sheaf ${when} -a "${command.takes.choices.join(' ')}"`);
    for (const flag of command.flags ?? []) {
      lines.push(`complete -c sheaf ${when} -l ${flag.name}${flag.value ? ' -r' : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completion(shell: Shell): string {
  return { bash, zsh, fish }[shell]();
}
