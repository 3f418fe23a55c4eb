int blueprint_shim_placeholder(void) { return 0; }
