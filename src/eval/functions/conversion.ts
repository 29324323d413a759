/** conversion builtins (spec §6). */
export {};
