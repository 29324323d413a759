/** time builtins (spec §6). */
export {};
