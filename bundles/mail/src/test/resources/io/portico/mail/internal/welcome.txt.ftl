Hello ${name}, open ${link}
