/** list builtins (spec §6). */
export {};
