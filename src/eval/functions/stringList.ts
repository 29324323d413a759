/** stringList builtins (spec §6). */
export {};
