/** version builtins (spec §6). */
export {};
