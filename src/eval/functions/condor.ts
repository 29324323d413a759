/** condor builtins (spec §6). */
export {};
