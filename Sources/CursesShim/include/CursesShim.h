int blueprint_shim_placeholder(void);
