try{var t=localStorage.getItem('playbook-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}
