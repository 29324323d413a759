/** regex builtins (spec §6). */
export {};
