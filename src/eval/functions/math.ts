/** math builtins (spec §6). */
export {};
