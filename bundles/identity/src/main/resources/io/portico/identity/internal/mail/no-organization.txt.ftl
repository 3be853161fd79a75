Hello,

Someone (we hope you) asked to register with this email address. No organization on ${brand.name} uses the
domain ${domain}, so we cannot register you by email domain. Ask an administrator of your company's account to
invite you.

If you did not register, ignore this email.
