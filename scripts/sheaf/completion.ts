// Owns `sheaf completion bash|zsh|fish`: the subcommands and their flags, as each shell wants them written.
export const subcommands = {
  status: ['--json', '--waybar', '--format'],
  start: ['--notes', '--ref', '--stop-other', '--keep-other'],
  stop: [],
  toggle: [],
  restart: [],
  note: [],
  today: ['--json'],
  show: [],
  open: [],
  completion: [],
  help: [],
} as const satisfies Record<string, readonly string[]>;

export const shells = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof shells)[number];

const names = Object.keys(subcommands);

function bash(): string {
  const cases = Object.entries(subcommands)
    .map(
      ([name, flags]) =>
        `    ${name}) words="${name === 'completion' ? shells.join(' ') : flags.join(' ')}" ;;`,
    )
    .join('\n');
  return `# sheaf completion for bash: add  eval "$(sheaf completion bash)"  to ~/.bashrc
_sheaf() {
  local cur=\${COMP_WORDS[COMP_CWORD]} words
  if [ "$COMP_CWORD" -eq 1 ]; then
    words="${names.join(' ')}"
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
  const cases = Object.entries(subcommands)
    .map(
      ([name, flags]) =>
        `    ${name}) compadd -- ${name === 'completion' ? shells.join(' ') : flags.join(' ')} ;;`,
    )
    .join('\n');
  return `#compdef sheaf
# sheaf completion for zsh: add  eval "$(sheaf completion zsh)"  to ~/.zshrc (after compinit)
_sheaf() {
  if (( CURRENT == 2 )); then
    compadd -- ${names.join(' ')}
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
    `complete -c sheaf -n __fish_use_subcommand -a "${names.join(' ')}"`,
    `complete -c sheaf -n "__fish_seen_subcommand_from completion" -a "${shells.join(' ')}"`,
  ];
  for (const [name, flags] of Object.entries(subcommands)) {
    for (const flag of flags) {
      lines.push(`complete -c sheaf -n "__fish_seen_subcommand_from ${name}" -l ${flag.slice(2)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completion(shell: Shell): string {
  return { bash, zsh, fish }[shell]();
}
