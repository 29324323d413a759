/** control builtins (spec §6). */
export {};
