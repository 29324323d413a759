/** string builtins (spec §6). */
export {};
