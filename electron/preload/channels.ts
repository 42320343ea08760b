// Owns deriving the preload's channel list from the IPC contract. Runs at build time (electron.vite.config.ts) and in
// tests, never inside the preload bundle: it imports the zod contract, which the sandboxed preload must not carry.
import { channelOf, commandNames, eventChannel, stateChannel } from '../../shared/ipc';
import type { IpcChannels } from './api';

export function contractChannels(): IpcChannels {
  return {
    commands: commandNames.map((name) => ({ name, channel: channelOf(name) })),
    state: stateChannel,
    event: eventChannel,
  };
}
