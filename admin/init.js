// Decap starts once admin/socle-yaml.js has registered Socle's YAML format (CMS.init there).
window.CMS_MANUAL_INIT = true;
